package dev.engram.domain.replay;

import java.util.ArrayList;
import java.util.List;

/**
 * The geometry shared by the index's trees: stored level by level, level 0 holding one entry per position, each block
 * of consecutive entries of a level summarised by one entry of the level above, up to a single top block of 16.
 * Above level 0 blocks hold 16 entries: 16 doubles are 128 bytes, two adjacent cache lines, so a descent costs
 * ⌈log16 n⌉ short scans instead of a binary tree's log2 n dependent misses.
 */
final class TreeShape {

    static final int FANOUT = 16;
    static final int SHIFT = 4;
    static final int MASK = FANOUT - 1;

    private TreeShape() {
    }

    /** Sizes with blocks of 16 at every level. */
    static int[] levelSizes(int capacity) {
        return levelSizes(capacity, SHIFT);
    }

    /**
     * The number of entries of each level, bottom first, for level-0 blocks of 2^leafShift entries: level 0 a multiple
     * of its block, every level above a multiple of 16, the last exactly 16 (or level 0 alone, when it is one block
     * of 16).
     */
    static int[] levelSizes(int capacity, int leafShift) {
        long leafBlock = 1L << leafShift;
        long size = (Math.max(capacity, 1) + leafBlock - 1) / leafBlock * leafBlock;
        List<Integer> sizes = new ArrayList<>();
        sizes.add(Math.toIntExact(size));
        int shift = leafShift;
        while (size > FANOUT) {
            size = roundUp(size >>> shift);
            shift = SHIFT;
            sizes.add(Math.toIntExact(size));
        }
        return sizes.stream().mapToInt(Integer::intValue).toArray();
    }

    private static long roundUp(long entries) {
        return (entries + MASK) & ~(long) MASK;
    }
}
