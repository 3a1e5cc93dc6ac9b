package dev.engram.adapters.mongo;

import dev.engram.domain.stats.GroupStats;
import dev.engram.domain.stats.RewardHistogram;
import dev.engram.domain.stats.TimeBucket;
import dev.engram.domain.stats.TrajectoryStatistics;
import dev.engram.domain.trajectory.Outcome;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * Statistics as one aggregation: {@code $match} on the filter, then {@code $facet} with one {@code $group} per
 * grouping (all, outcome, agent, task, domain, reward bucket, and when asked the time bucket, time bucket and agent,
 * time bucket and task), each summing {@code 1}, {@code win} and {@code reward}. Only stages the stand-in knows too
 * ($match, $facet, $group with $sum). The time series groups by the stored bucket starts ({@code hour},
 * {@code day}), so it needs no date operators; the reward histogram groups by the stored bucket {@code rb}, which
 * engram computed with {@link dev.engram.domain.stats.RewardHistogram#bucketOf} when it wrote the document — a
 * {@code $bucket} stage on the reward compares against boundaries such as 0.3 instead of flooring reward × 10, and
 * may put a boundary reward in another bucket than the other stores do.
 */
final class StatisticsPipeline {
    private StatisticsPipeline() {
    }

    static List<BsonDocument> of(BsonDocument match, TimeBucket bucket) {
        BsonDocument facets = new BsonDocument()
                .append("all", group(BsonNull.VALUE))
                .append("outcome", group(new BsonString("$outcome")))
                .append("agent", group(new BsonString("$agent")))
                .append("task", group(new BsonString("$task")))
                .append("domain", group(new BsonString("$domain")));
        facets.append("rewards", group(new BsonString("$rb")));
        if (bucket != null) {
            BsonString start = new BsonString(bucket == TimeBucket.HOUR ? "$hour" : "$day");
            facets.append("series", group(start));
            facets.append("seriesAgent", group(new BsonDocument("s", start).append("k", new BsonString("$agent"))));
            facets.append("seriesTask", group(new BsonDocument("s", start).append("k", new BsonString("$task"))));
        }
        return List.of(new BsonDocument("$match", match), new BsonDocument("$facet", facets));
    }

    private static BsonArray group(BsonValue key) {
        BsonDocument group = new BsonDocument("_id", key)
                .append("n", new BsonDocument("$sum", new BsonInt32(1)))
                .append("wins", new BsonDocument("$sum", new BsonString("$win")))
                .append("rewards", new BsonDocument("$sum", new BsonString("$reward")));
        return new BsonArray(List.of(new BsonDocument("$group", group)));
    }

    private static GroupStats stats(BsonDocument row) {
        return new GroupStats(row.getNumber("n").longValue(), row.getNumber("wins").longValue(), row.getNumber("rewards").doubleValue());
    }

    static TrajectoryStatistics read(BsonDocument facets) {
        GroupStats all = GroupStats.EMPTY;
        for (BsonValue row : facets.getArray("all")) {
            all = stats(row.asDocument());
        }
        Map<Outcome, Long> byOutcome = new EnumMap<>(Outcome.class);
        for (BsonValue row : facets.getArray("outcome")) {
            byOutcome.put(TrajectoryDocuments.outcome(row.asDocument().getString("_id").getValue()), row.asDocument().getNumber("n").longValue());
        }
        TreeMap<Instant, GroupStats> series = new TreeMap<>();
        if (facets.containsKey("series")) {
            for (BsonValue row : facets.getArray("series")) {
                series.put(Instant.ofEpochSecond(row.asDocument().getNumber("_id").longValue()), stats(row.asDocument()));
            }
        }
        long[] rewards = new long[RewardHistogram.BUCKETS];
        for (BsonValue row : facets.getArray("rewards")) {
            rewards[row.asDocument().getNumber("_id").intValue()] += row.asDocument().getNumber("n").longValue();
        }
        return new TrajectoryStatistics(all, byOutcome, labels(facets, "agent"), labels(facets, "task"), labels(facets, "domain"), series,
                pairs(facets, "seriesAgent"), pairs(facets, "seriesTask"), RewardHistogram.of(rewards));
    }

    private static SortedMap<Instant, SortedMap<String, GroupStats>> pairs(BsonDocument facets, String name) {
        TreeMap<Instant, SortedMap<String, GroupStats>> out = new TreeMap<>();
        if (facets.containsKey(name)) {
            for (BsonValue row : facets.getArray(name)) {
                BsonDocument key = row.asDocument().getDocument("_id");
                out.computeIfAbsent(Instant.ofEpochSecond(key.getNumber("s").longValue()), s -> new TreeMap<>())
                        .put(key.getString("k").getValue(), stats(row.asDocument()));
            }
        }
        return out;
    }

    private static TreeMap<String, GroupStats> labels(BsonDocument facets, String name) {
        TreeMap<String, GroupStats> out = new TreeMap<>();
        for (BsonValue row : facets.getArray(name)) {
            out.put(row.asDocument().getString("_id").getValue(), stats(row.asDocument()));
        }
        return out;
    }
}
