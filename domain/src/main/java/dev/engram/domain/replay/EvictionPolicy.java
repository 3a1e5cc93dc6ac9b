package dev.engram.domain.replay;

/**
 * Which item leaves a full index. The kept set is always the best {@code capacity} items under the policy's order,
 * the incoming item included: an incoming item that is itself the worst is not admitted.
 */
public enum EvictionPolicy {
    /** The easiest item (lowest priority) leaves; ties go to the oldest by (createdAt, id). */
    LOWEST_PRIORITY,
    /** The oldest item by (createdAt, id) leaves. */
    OLDEST;

    /**
     * The policy that matches a sampling strategy, as in the seed: a buffer sampled by priority sheds its easiest
     * items, one sampled by recency or at random sheds its oldest.
     */
    public static EvictionPolicy forStrategy(ReplayStrategy strategy) {
        switch (strategy) {
            case PRIORITIZED:
            case MIXED:
            case TOP:
                return LOWEST_PRIORITY;
            default:
                return OLDEST;
        }
    }
}
