package dev.engram.domain.replay;

import dev.engram.domain.error.DomainException;

/**
 * How an index is sized and weighted.
 *
 * @param capacity           the most items it holds; adding to a full index evicts one (see {@link EvictionPolicy})
 * @param eviction           which item leaves a full index
 * @param epsilon            ε in p_i = loss_i + ε, so that an item with loss 0 can still be drawn; finite, &gt; 0
 * @param weightingCacheSize how many weightings (distinct α, half-life) keep their sum trees between requests, 2 to 64;
 *                           a mixed sample needs two at once
 */
public record ReplayConfig(int capacity, EvictionPolicy eviction, double epsilon, int weightingCacheSize) {

    /** No capacity limit (the arrays are indexed by int). */
    public static final int UNBOUNDED = Integer.MAX_VALUE - 8;
    public static final double DEFAULT_EPSILON = 1e-6;
    public static final int DEFAULT_WEIGHTING_CACHE_SIZE = 4;

    public ReplayConfig {
        if (capacity < 1 || capacity > UNBOUNDED) {
            throw DomainException.invalidArgument("capacity",
                    "must be between 1 and " + UNBOUNDED + ", got " + capacity);
        }
        if (eviction == null) {
            throw DomainException.invalidArgument("eviction", "is required");
        }
        if (!Double.isFinite(epsilon) || epsilon <= 0) {
            throw DomainException.invalidArgument("epsilon", "must be a finite number above 0, got " + epsilon);
        }
        if (weightingCacheSize < 2 || weightingCacheSize > 64) {
            throw DomainException.invalidArgument("weighting_cache_size",
                    "must be between 2 and 64, got " + weightingCacheSize);
        }
    }

    /** Unbounded, the lowest priority evicted (never, while unbounded), ε = 1e-6, four cached weightings. */
    public static ReplayConfig defaults() {
        return new ReplayConfig(UNBOUNDED, EvictionPolicy.LOWEST_PRIORITY, DEFAULT_EPSILON,
                DEFAULT_WEIGHTING_CACHE_SIZE);
    }

    /** A config whose eviction follows the preset's strategy. */
    public static ReplayConfig forPreset(ReplayPreset preset, int capacity) {
        return new ReplayConfig(capacity, preset.eviction(), DEFAULT_EPSILON, DEFAULT_WEIGHTING_CACHE_SIZE);
    }

    public ReplayConfig withCapacity(int value) {
        return new ReplayConfig(value, eviction, epsilon, weightingCacheSize);
    }

    public ReplayConfig withEviction(EvictionPolicy value) {
        return new ReplayConfig(capacity, value, epsilon, weightingCacheSize);
    }

    public ReplayConfig withEpsilon(double value) {
        return new ReplayConfig(capacity, eviction, value, weightingCacheSize);
    }

    public ReplayConfig withWeightingCacheSize(int value) {
        return new ReplayConfig(capacity, eviction, epsilon, value);
    }

    boolean bounded() {
        return capacity < UNBOUNDED;
    }
}
