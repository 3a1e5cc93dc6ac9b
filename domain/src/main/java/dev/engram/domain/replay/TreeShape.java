package dev.engram.domain.replay;

/**
 * The geometry shared by the index's trees: 16-ary, stored level by level, level 0 holding one entry per position and
 * each block of 16 consecutive entries of a level summarised by one entry of the level above, up to a single top block.
 * Sixteen doubles are 128 bytes, two cache lines, so a descent touches two adjacent lines per level and only
 * ⌈log16 n⌉ levels (5 at 10^6) instead of a binary tree's 20 dependent misses.
 */
final class TreeShape {

    static final int FANOUT = 16;
    static final int SHIFT = 4;
    static final int MASK = FANOUT - 1;

    private TreeShape() {
    }

    /** The number of entries of each level, bottom first; every one a multiple of 16, the last exactly 16. */
    static int[] levelSizes(int capacity) {
        int levels = 1;
        long size = roundUp(Math.max(capacity, 1));
        while (size > FANOUT) {
            size = roundUp(size >>> SHIFT);
            levels++;
        }
        int[] sizes = new int[levels];
        size = roundUp(Math.max(capacity, 1));
        for (int level = 0; level < levels; level++) {
            sizes[level] = (int) size;
            size = roundUp(size >>> SHIFT);
        }
        return sizes;
    }

    private static long roundUp(long entries) {
        return (entries + MASK) & ~(long) MASK;
    }
}
