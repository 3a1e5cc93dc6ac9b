package dev.engram.domain.stats;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How rewards are distributed: {@value #BUCKETS} equal-width buckets over the whole reward range [0, 1] (fixed, not
 * the observed min and max, so that two histograms — two agents, two days — can be compared bucket by bucket).
 * Bucket {@code i} holds the rewards in [i/10, (i+1)/10); the last one is closed, [0.9, 1.0], so a reward of 1 counts.
 *
 * <p>The bucket of a reward is {@code min(9, floor(reward * 10))} in IEEE double arithmetic; every store computes
 * exactly that (SQLite: {@code min(9, CAST(reward * 10 AS INTEGER))}, which truncates, the same as floor for rewards
 * ≥ 0), so that stores agree to the count even for rewards that sit on a boundary such as 0.3 or 0.7.
 */
public final class RewardHistogram {
    public static final int BUCKETS = 10;

    private final long[] counts;

    private RewardHistogram(long[] counts) {
        this.counts = counts;
    }

    /** A histogram with these counts, bucket 0 first; exactly {@value #BUCKETS} non-negative counts. */
    public static RewardHistogram of(long... counts) {
        if (counts.length != BUCKETS) {
            throw new IllegalArgumentException("a reward histogram has " + BUCKETS + " buckets, got " + counts.length);
        }
        for (long count : counts) {
            if (count < 0) {
                throw new IllegalArgumentException("a bucket count cannot be negative: " + count);
            }
        }
        return new RewardHistogram(counts.clone());
    }

    public static RewardHistogram empty() {
        return new RewardHistogram(new long[BUCKETS]);
    }

    /** The bucket that holds a reward (0–1; anything outside is clamped to the first or last bucket). */
    public static int bucketOf(double reward) {
        int bucket = (int) Math.floor(reward * BUCKETS);
        return Math.max(0, Math.min(BUCKETS - 1, bucket));
    }

    /** The lower bound of a bucket (inclusive): 0.0, 0.1, … 0.9, written as i/10 so that it prints as such. */
    public static double lower(int bucket) {
        return (double) bucket / BUCKETS;
    }

    /** The upper bound of a bucket: exclusive, except 1.0 for the last bucket, which is inclusive. */
    public static double upper(int bucket) {
        return (double) (bucket + 1) / BUCKETS;
    }

    public long count(int bucket) {
        return counts[bucket];
    }

    public long total() {
        return Arrays.stream(counts).sum();
    }

    public List<Long> counts() {
        return Arrays.stream(counts).boxed().collect(Collectors.toUnmodifiableList());
    }

    /** This histogram with one more reward counted; histograms are values, so this is a new one. */
    public RewardHistogram plus(double reward) {
        long[] next = counts.clone();
        next[bucketOf(reward)]++;
        return new RewardHistogram(next);
    }

    public RewardHistogram plus(RewardHistogram other) {
        long[] next = counts.clone();
        for (int i = 0; i < BUCKETS; i++) {
            next[i] += other.counts[i];
        }
        return new RewardHistogram(next);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RewardHistogram h && Arrays.equals(counts, h.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "RewardHistogram" + Arrays.toString(counts);
    }
}
