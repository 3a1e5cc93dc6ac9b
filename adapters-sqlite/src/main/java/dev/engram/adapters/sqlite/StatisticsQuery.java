package dev.engram.adapters.sqlite;

import dev.engram.domain.stats.GroupStats;
import dev.engram.domain.stats.RewardHistogram;
import dev.engram.domain.stats.TimeBucket;
import dev.engram.domain.stats.TrajectoryStatistics;
import dev.engram.domain.trajectory.Outcome;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Statistics aggregated by SQLite itself: one {@code GROUP BY} per grouping (outcome, agent, task, domain, reward
 * bucket, time bucket, time bucket and agent, time bucket and task) over the narrow {@code trajectories} rows, all in
 * the caller's read transaction so that they agree. Memory is O(groups), never O(trajectories).
 */
final class StatisticsQuery {
    private static final String SUCCESS = "'" + TrajectoryColumns.outcome(Outcome.SUCCESS) + "'";
    private static final String COUNTS = ", count(*), sum(t.outcome = " + SUCCESS + "), total(t.reward) FROM trajectories t";

    private StatisticsQuery() {
    }

    static TrajectoryStatistics run(Connection connection, SqlFragment where, TimeBucket bucket) throws SQLException {
        SortedMap<String, GroupStats> byOutcomeName = groups(connection, "t.outcome", where);
        Map<Outcome, Long> byOutcome = new EnumMap<>(Outcome.class);
        GroupStats all = GroupStats.EMPTY;
        for (Map.Entry<String, GroupStats> group : byOutcomeName.entrySet()) {
            byOutcome.put(TrajectoryColumns.outcome(group.getKey()), group.getValue().count());
            all = all.plus(group.getValue());
        }
        SortedMap<Instant, GroupStats> series = new TreeMap<>();
        SortedMap<Instant, SortedMap<String, GroupStats>> seriesByAgent = new TreeMap<>();
        SortedMap<Instant, SortedMap<String, GroupStats>> seriesByTask = new TreeMap<>();
        if (bucket != null) {
            long width = seconds(bucket);
            // floor to the bucket in SQL: % truncates toward zero, which would round times before 1970 up
            String start = "(t.created_s - ((t.created_s % " + width + ") + " + width + ") % " + width + ")";
            groups(connection, start, where).forEach((key, stats) -> series.put(Instant.ofEpochSecond(Long.parseLong(key)), stats));
            pairs(connection, start, "t.agent_id", where, seriesByAgent);
            pairs(connection, start, "t.task_id", where, seriesByTask);
        }
        return new TrajectoryStatistics(all, byOutcome, groups(connection, "t.agent_id", where),
                groups(connection, "t.task_id", where), groups(connection, "t.domain", where), series,
                seriesByAgent, seriesByTask, rewardHistogram(connection, where));
    }

    /**
     * The reward histogram's buckets as {@link RewardHistogram#bucketOf} defines them: REAL arithmetic is IEEE double
     * and CAST truncates, which is floor for rewards ≥ 0; min(9, …) puts 1.0 in the last bucket.
     */
    private static RewardHistogram rewardHistogram(Connection connection, SqlFragment where) throws SQLException {
        long[] counts = new long[RewardHistogram.BUCKETS];
        String bucket = "max(0, min(" + (RewardHistogram.BUCKETS - 1) + ", CAST(t.reward * " + RewardHistogram.BUCKETS + " AS INTEGER)))";
        SqlFragment.of("SELECT " + bucket + ", count(*) FROM trajectories t").then(where).then(" GROUP BY 1").list(connection, row -> {
            counts[row.getInt(1)] = row.getLong(2);
            return null;
        });
        return RewardHistogram.of(counts);
    }

    private static void pairs(Connection connection, String start, String key, SqlFragment where,
            SortedMap<Instant, SortedMap<String, GroupStats>> out) throws SQLException {
        SqlFragment.of("SELECT " + start + ", " + key + COUNTS).then(where).then(" GROUP BY 1, 2").list(connection, row -> {
            out.computeIfAbsent(Instant.ofEpochSecond(row.getLong(1)), s -> new TreeMap<>())
                    .put(row.getString(2), new GroupStats(row.getLong(3), row.getLong(4), row.getDouble(5)));
            return null;
        });
    }

    private static SortedMap<String, GroupStats> groups(Connection connection, String key, SqlFragment where) throws SQLException {
        SortedMap<String, GroupStats> out = new TreeMap<>();
        SqlFragment.of("SELECT " + key + COUNTS).then(where).then(" GROUP BY 1").list(connection, row -> {
            out.put(row.getString(1), new GroupStats(row.getLong(2), row.getLong(3), row.getDouble(4)));
            return null;
        });
        return out;
    }

    private static long seconds(TimeBucket bucket) {
        switch (bucket) {
            case HOUR:
                return 3_600;
            case DAY:
                return 86_400;
            default:
                throw new IllegalArgumentException("unknown time bucket " + bucket);
        }
    }
}
