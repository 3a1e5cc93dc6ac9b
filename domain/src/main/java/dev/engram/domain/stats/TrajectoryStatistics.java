package dev.engram.domain.stats;

import dev.engram.domain.trajectory.Outcome;
import java.time.Instant;
import dev.engram.domain.trajectory.Trajectory;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Statistics over a set of trajectories: totals, counts by outcome, success rate and mean reward by agent, task and
 * domain, the reward distribution, and optionally a time series (overall, and per agent and per task in each
 * bucket). Maps are sorted by key so that output is deterministic.
 *
 * @param all             every trajectory counted
 * @param byOutcome       a count for each outcome, zeros included
 * @param series          per bucket start, when a bucket width was asked for; empty otherwise
 * @param seriesByAgent   per bucket start, each agent's figures in that bucket (the same buckets as {@code series});
 *                        {@code null} from a store that does not break the series down
 * @param seriesByTask    the same per task
 * @param rewardHistogram the rewards in ten fixed buckets over [0, 1]; {@code null} from a store that does not
 *                        compute it
 */
public record TrajectoryStatistics(
        GroupStats all,
        Map<Outcome, Long> byOutcome,
        SortedMap<String, GroupStats> byAgent,
        SortedMap<String, GroupStats> byTask,
        SortedMap<String, GroupStats> byDomain,
        SortedMap<Instant, GroupStats> series,
        SortedMap<Instant, SortedMap<String, GroupStats>> seriesByAgent,
        SortedMap<Instant, SortedMap<String, GroupStats>> seriesByTask,
        RewardHistogram rewardHistogram) {

    /**
     * Statistics without the reward histogram and without the per-agent and per-task series: for a store that does
     * not compute them (yet). Every store on main computes them; the contract suite tells the two apart.
     */
    public TrajectoryStatistics(GroupStats all, Map<Outcome, Long> byOutcome, SortedMap<String, GroupStats> byAgent,
            SortedMap<String, GroupStats> byTask, SortedMap<String, GroupStats> byDomain, SortedMap<Instant, GroupStats> series) {
        this(all, byOutcome, byAgent, byTask, byDomain, series, null, null, null);
    }

    public TrajectoryStatistics {
        EnumMap<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome, byOutcome.getOrDefault(outcome, 0L));
        }
        byOutcome = Collections.unmodifiableMap(outcomes);
        byAgent = Collections.unmodifiableSortedMap(new TreeMap<>(byAgent));
        byTask = Collections.unmodifiableSortedMap(new TreeMap<>(byTask));
        byDomain = Collections.unmodifiableSortedMap(new TreeMap<>(byDomain));
        series = Collections.unmodifiableSortedMap(new TreeMap<>(series));
        seriesByAgent = nested(seriesByAgent);
        seriesByTask = nested(seriesByTask);
    }

    private static SortedMap<Instant, SortedMap<String, GroupStats>> nested(SortedMap<Instant, SortedMap<String, GroupStats>> groups) {
        if (groups == null) {
            return null;
        }
        TreeMap<Instant, SortedMap<String, GroupStats>> out = new TreeMap<>();
        groups.forEach((start, byKey) -> out.put(start, Collections.unmodifiableSortedMap(new TreeMap<>(byKey))));
        return Collections.unmodifiableSortedMap(out);
    }

    public long total() {
        return all.count();
    }

    /** Mean reward over everything; {@code null} when there is nothing. */
    public Double meanReward() {
        return all.meanReward();
    }

    /** Builds statistics one trajectory at a time, in O(groups) memory; usable by any store that scans. */
    public static Accumulator accumulator(TimeBucket bucket) {
        return new Accumulator(bucket);
    }

    public static final class Accumulator {
        private final TimeBucket bucket;
        private GroupStats all = GroupStats.EMPTY;
        private final EnumMap<Outcome, Long> byOutcome = new EnumMap<>(Outcome.class);
        private final TreeMap<String, GroupStats> byAgent = new TreeMap<>();
        private final TreeMap<String, GroupStats> byTask = new TreeMap<>();
        private final TreeMap<String, GroupStats> byDomain = new TreeMap<>();
        private final TreeMap<Instant, GroupStats> series = new TreeMap<>();
        private final TreeMap<Instant, SortedMap<String, GroupStats>> seriesByAgent = new TreeMap<>();
        private final TreeMap<Instant, SortedMap<String, GroupStats>> seriesByTask = new TreeMap<>();
        private final long[] rewards = new long[RewardHistogram.BUCKETS];

        private Accumulator(TimeBucket bucket) {
            this.bucket = bucket;
        }

        public Accumulator add(String agentId, String taskId, String domain, Outcome outcome, double reward, Instant createdAt) {
            boolean success = outcome == Outcome.SUCCESS;
            all = all.plus(success, reward);
            byOutcome.merge(outcome, 1L, Long::sum);
            byAgent.merge(agentId, GroupStats.EMPTY.plus(success, reward), GroupStats::plus);
            byTask.merge(taskId, GroupStats.EMPTY.plus(success, reward), GroupStats::plus);
            byDomain.merge(domain, GroupStats.EMPTY.plus(success, reward), GroupStats::plus);
            rewards[RewardHistogram.bucketOf(reward)]++;
            if (bucket != null) {
                Instant start = bucket.start(createdAt);
                GroupStats one = GroupStats.EMPTY.plus(success, reward);
                series.merge(start, one, GroupStats::plus);
                seriesByAgent.computeIfAbsent(start, s -> new TreeMap<>()).merge(agentId, one, GroupStats::plus);
                seriesByTask.computeIfAbsent(start, s -> new TreeMap<>()).merge(taskId, one, GroupStats::plus);
            }
            return this;
        }

        public Accumulator add(Trajectory t) {
            return add(t.agentId(), t.taskId(), t.domain(), t.finalOutcome(), t.reward(), t.createdAt());
        }

        public TrajectoryStatistics result() {
            return new TrajectoryStatistics(all, byOutcome, byAgent, byTask, byDomain, series, seriesByAgent, seriesByTask,
                    RewardHistogram.of(rewards));
        }
    }

    /** Statistics of nothing. */
    public static TrajectoryStatistics empty() {
        return accumulator(null).result();
    }
}
