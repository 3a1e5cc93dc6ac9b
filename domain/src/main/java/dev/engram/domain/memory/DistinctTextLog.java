package dev.engram.domain.memory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Distinct texts in the order they were first seen, at most {@code capacity}; the oldest goes when a new one comes.
 * The seed's mistake and success lists, bounded: like the seed, a text seen again keeps its place (so "the last
 * three mistakes" are the last three new ones), and membership is a hash lookup instead of the seed's list scan.
 */
final class DistinctTextLog {
    private final int capacity;
    private final ArrayDeque<String> order = new ArrayDeque<>();
    private final Set<String> present = new HashSet<>();

    DistinctTextLog(int capacity) {
        this.capacity = capacity;
    }

    /** Adds a text not held yet; empty texts are skipped, as the seed skips them. */
    void add(String text) {
        if (text.isEmpty() || !present.add(text)) {
            return;
        }
        order.addLast(text);
        if (order.size() > capacity) {
            present.remove(order.removeFirst());
        }
    }

    /** The {@code limit} newest texts, oldest first. */
    List<String> newest(int limit) {
        List<String> newestFirst = new ArrayList<>(Math.min(limit, order.size()));
        for (Iterator<String> it = order.descendingIterator(); it.hasNext() && newestFirst.size() < limit;) {
            newestFirst.add(it.next());
        }
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    int size() {
        return order.size();
    }

    List<String> all() {
        return List.copyOf(order);
    }
}
