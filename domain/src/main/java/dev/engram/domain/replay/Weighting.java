package dev.engram.domain.replay;

/**
 * How a draw weights the items of a list. Two requests with equal weightings share the same sum trees, which the
 * index keeps (a bounded number of weightings) and maintains on every change.
 */
sealed interface Weighting permits PriorityWeighting, RecencyWeighting {

    /** No weight goes below the smallest normal double, so the least weight (and the largest IS weight) is finite. */
    double MIN_WEIGHT = Double.MIN_NORMAL;
    /** No weight goes above 2^960, so sums of up to 2^30 weights stay finite. */
    double MAX_WEIGHT = Math.scalb(1.0, 960);

    /** The weights of one list's items, anchored as the list's current contents require. */
    Weights bind(ItemTable table, KeyList list);

    /** Whether an item's weight changes with its priority (else a priority update leaves the trees alone). */
    boolean usesPriority();

    static double clamp(double weight) {
        return Math.min(MAX_WEIGHT, Math.max(MIN_WEIGHT, weight));
    }

    /** A weighting bound to one list. */
    interface Weights {
        double of(int slot);

        /** False when the slot's weight falls outside the range the weights were anchored for (rebuild them). */
        boolean fits(int slot);
    }
}
