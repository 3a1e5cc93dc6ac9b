package dev.engram.domain.stats;

/**
 * Counts for one group of trajectories (an agent, a task, a domain, a time bucket, or all of them).
 * Stores that aggregate themselves (SQL {@code GROUP BY}, a MongoDB pipeline) produce these three numbers per group;
 * the rates are derived here, once, so that every store reports them alike.
 */
public record GroupStats(long count, long successes, double rewardSum) {
    public static final GroupStats EMPTY = new GroupStats(0, 0, 0.0);

    public GroupStats {
        if (count < 0 || successes < 0 || successes > count) {
            throw new IllegalArgumentException("inconsistent counts: " + successes + " successes of " + count);
        }
    }

    /** Successes / count; 0 for an empty group. */
    public double successRate() {
        return count == 0 ? 0.0 : (double) successes / count;
    }

    /** Mean reward; {@code null} for an empty group (there is no mean of nothing). */
    public Double meanReward() {
        return count == 0 ? null : rewardSum / count;
    }

    public GroupStats plus(GroupStats other) {
        return new GroupStats(count + other.count, successes + other.successes, rewardSum + other.rewardSum);
    }

    GroupStats plus(boolean success, double reward) {
        return new GroupStats(count + 1, successes + (success ? 1 : 0), rewardSum + reward);
    }
}
