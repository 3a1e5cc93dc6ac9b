package dev.engram.domain.replay;

import java.util.PriorityQueue;

/**
 * The strategies that list rather than draw: fifo (oldest first), lifo (newest first) and top (highest priority first,
 * ties to the older). Each item comes at most once; probability and weight are 1.
 *
 * <p>Cost: fifo and lifo walk the list from one end, O(k + holes passed); top over all items is a best-first walk of
 * the maximum-priority tournament tree, O(k · 16 · log n); top over a filtered list scans it with a k-bounded heap,
 * O(m log k).
 */
final class OrderedDraws {

    private final ItemTable table;
    private final WinnerTree highest;

    OrderedDraws(ItemTable table, WinnerTree highest) {
        this.table = table;
        this.highest = highest;
    }

    void draw(ReplayStrategy strategy, KeyList list, int n, Draws out) {
        if (strategy == ReplayStrategy.TOP) {
            for (int slot : top(list, n)) {
                out.add(slot, 1, 1);
            }
            return;
        }
        boolean oldestFirst = strategy == ReplayStrategy.FIFO;
        int taken = 0;
        for (int i = 0; i < list.length() && taken < n; i++) {
            int slot = list.slotAt(oldestFirst ? i : list.length() - 1 - i);
            if (slot != KeyList.HOLE) {
                out.add(slot, 1, 1);
                taken++;
            }
        }
    }

    /** The slots of the (at most) k highest priorities of a list, highest first. */
    int[] top(KeyList list, int k) {
        if (list == table.all()) {
            return highest.best(k);
        }
        // the queue's head is the weakest of the best k kept so far
        PriorityQueue<Integer> best = new PriorityQueue<>(k, (a, b) -> table.higherPriority(a, b) ? 1 : -1);
        for (int position = 0; position < list.length(); position++) {
            int slot = list.slotAt(position);
            if (slot == KeyList.HOLE) {
                continue;
            }
            if (best.size() < k) {
                best.add(slot);
            } else if (table.higherPriority(slot, best.peek())) {
                best.poll();
                best.add(slot);
            }
        }
        int[] slots = new int[best.size()];
        for (int i = slots.length - 1; i >= 0; i--) {
            slots[i] = best.poll();
        }
        return slots;
    }
}
