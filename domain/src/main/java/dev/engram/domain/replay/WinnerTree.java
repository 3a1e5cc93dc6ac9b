package dev.engram.domain.replay;

import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.function.IntPredicate;

/**
 * A tournament tree over slots: each entry holds the best slot below it under a total order, so the best slot (the
 * item to evict, the maximum priority) is read in O(1), a change costs O(16 · log16 n), and the k best come out in
 * order by a best-first walk in O(k · 16 · log n). Because the order is total — it ends with (createdAt, id) — the
 * answers do not depend on where the slots sit, so they are the same whatever order the items were inserted in.
 */
final class WinnerTree {

    /** A strict total order on live slots. */
    interface Order {
        boolean before(int slot, int other);
    }

    private static final int F = TreeShape.FANOUT;
    private static final int SHIFT = TreeShape.SHIFT;
    private static final int NONE = -1;

    private final Order order;
    private int[][] winners;

    WinnerTree(Order order, int capacity) {
        this.order = order;
        allocate(capacity);
    }

    /** The best live slot, or -1 when there is none. */
    int winner() {
        int[] top = winners[winners.length - 1];
        int best = NONE;
        for (int j = 0; j < F; j++) {
            best = better(best, top[j]);
        }
        return best;
    }

    /** Marks a slot live or free and replays the matches on its path. */
    void set(int slot, boolean live) {
        if (slot >= winners[0].length) {
            int[] leaves = winners[0];
            allocate(Math.max(slot + 1, leaves.length * 2));
            System.arraycopy(leaves, 0, winners[0], 0, leaves.length);
            replayAll();
        }
        winners[0][slot] = live ? slot : NONE;
        int entry = slot;
        for (int level = 0; level + 1 < winners.length; level++) {
            replayBlock(level, entry & ~TreeShape.MASK);
            entry >>>= SHIFT;
        }
    }

    /** Rebuilds from scratch over slots [0, length): O(length). */
    void rebuild(int length, IntPredicate live) {
        allocate(length);
        for (int slot = 0; slot < length; slot++) {
            winners[0][slot] = live.test(slot) ? slot : NONE;
        }
        replayAll();
    }

    /** The (at most) {@code k} best live slots, best first. */
    int[] best(int k) {
        int[] out = new int[k];
        int found = 0;
        // a node is (level << 32 | entry); nodes in the queue cover disjoint slots, so their winners differ
        PriorityQueue<Long> frontier = new PriorityQueue<>((a, b) -> order.before(winnerOf(a), winnerOf(b)) ? -1 : 1);
        pushBlock(frontier, winners.length - 1, 0);
        while (found < k && !frontier.isEmpty()) {
            long node = frontier.poll();
            int level = (int) (node >>> 32);
            int entry = (int) node;
            if (level == 0) {
                out[found++] = entry;
            } else {
                pushBlock(frontier, level - 1, entry << SHIFT);
            }
        }
        return Arrays.copyOf(out, found);
    }

    private void pushBlock(PriorityQueue<Long> frontier, int level, int base) {
        for (int j = base; j < base + F; j++) {
            if (winners[level][j] != NONE) {
                frontier.add(((long) level << 32) | j);
            }
        }
    }

    private int winnerOf(long node) {
        return winners[(int) (node >>> 32)][(int) node];
    }

    private void replayAll() {
        for (int level = 0; level + 1 < winners.length; level++) {
            for (int base = 0; base < winners[level].length; base += F) {
                replayBlock(level, base);
            }
        }
    }

    private void replayBlock(int level, int base) {
        int best = NONE;
        for (int j = base; j < base + F; j++) {
            best = better(best, winners[level][j]);
        }
        winners[level + 1][base >>> SHIFT] = best;
    }

    private int better(int current, int candidate) {
        if (candidate == NONE) {
            return current;
        }
        return current == NONE || order.before(candidate, current) ? candidate : current;
    }

    private void allocate(int capacity) {
        int[] sizes = TreeShape.levelSizes(capacity);
        winners = new int[sizes.length][];
        for (int level = 0; level < sizes.length; level++) {
            winners[level] = new int[sizes[level]];
            Arrays.fill(winners[level], NONE);
        }
    }
}
