package dev.engram.domain.replay;

import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.function.IntPredicate;

/**
 * A tournament tree over slots: each entry holds the best slot below it, so the best slot (the item to evict, the
 * maximum priority) is read in O(1), a change costs O(16 · log16 n), and the k best come out in order by a best-first
 * walk in O(k · 16 · log n).
 *
 * <p>The order is a key (smaller wins) refined by a strict total order for equal keys. Each entry stores its winner's
 * key beside the winner, so replaying a block compares 16 adjacent doubles instead of chasing 16 slots' data across
 * memory; the total order is consulted only on exact ties. Because it is total — it ends with (createdAt, id) — the
 * answers do not depend on where the slots sit, so they are the same whatever order the items were inserted in.
 */
final class WinnerTree {

    /** The ordering key of a live slot; it must agree with the tie order (key(a) &lt; key(b) ⇒ a comes first). */
    interface Key {
        double of(int slot);
    }

    /** A strict total order on live slots, for equal keys. */
    interface Order {
        boolean before(int slot, int other);
    }

    private static final int F = TreeShape.FANOUT;
    private static final int SHIFT = TreeShape.SHIFT;
    private static final int NONE = -1;

    private final Key key;
    private final Order ties;
    private int[][] winners;
    private double[][] keys;

    WinnerTree(Key key, Order ties, int capacity) {
        this.key = key;
        this.ties = ties;
        allocate(capacity);
    }

    /** The best live slot, or -1 when there is none. */
    int winner() {
        int top = winners.length - 1;
        int entry = bestEntry(top, 0);
        return entry < 0 ? NONE : winners[top][entry];
    }

    /** Marks a slot live or free (or re-reads its key) and replays the matches on its path. */
    void set(int slot, boolean live) {
        if (slot >= winners[0].length) {
            int[] oldWinners = winners[0];
            double[] oldKeys = keys[0];
            allocate(Math.max(slot + 1, oldWinners.length * 2));
            System.arraycopy(oldWinners, 0, winners[0], 0, oldWinners.length);
            System.arraycopy(oldKeys, 0, keys[0], 0, oldKeys.length);
            replayAll();
        }
        winners[0][slot] = live ? slot : NONE;
        keys[0][slot] = live ? key.of(slot) : Double.POSITIVE_INFINITY;
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
            boolean present = live.test(slot);
            winners[0][slot] = present ? slot : NONE;
            keys[0][slot] = present ? key.of(slot) : Double.POSITIVE_INFINITY;
        }
        replayAll();
    }

    /** The (at most) {@code k} best live slots, best first. */
    int[] best(int k) {
        int[] out = new int[k];
        int found = 0;
        // a node is (level << 32 | entry); nodes in the queue cover disjoint slots, so their winners differ
        PriorityQueue<Long> frontier = new PriorityQueue<>((a, b) -> {
            double keyA = keys[(int) (a >>> 32)][(int) (long) a];
            double keyB = keys[(int) (b >>> 32)][(int) (long) b];
            if (keyA != keyB) {
                return keyA < keyB ? -1 : 1;
            }
            return ties.before(winnerOf(a), winnerOf(b)) ? -1 : 1;
        });
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
        int entry = bestEntry(level, base);
        winners[level + 1][base >>> SHIFT] = entry < 0 ? NONE : winners[level][entry];
        keys[level + 1][base >>> SHIFT] = entry < 0 ? Double.POSITIVE_INFINITY : keys[level][entry];
    }

    /** The entry of a block of 16 whose winner wins, or -1 when the block holds none. */
    private int bestEntry(int level, int base) {
        int[] slots = winners[level];
        double[] slotKeys = keys[level];
        int best = -1;
        for (int j = base; j < base + F; j++) {
            if (slots[j] != NONE && (best < 0 || slotKeys[j] < slotKeys[best]
                    || (slotKeys[j] == slotKeys[best] && ties.before(slots[j], slots[best])))) {
                best = j;
            }
        }
        return best;
    }

    private void allocate(int capacity) {
        int[] sizes = TreeShape.levelSizes(capacity);
        winners = new int[sizes.length][];
        keys = new double[sizes.length][];
        for (int level = 0; level < sizes.length; level++) {
            winners[level] = new int[sizes[level]];
            keys[level] = new double[sizes[level]];
            Arrays.fill(winners[level], NONE);
            Arrays.fill(keys[level], Double.POSITIVE_INFINITY);
        }
    }
}
