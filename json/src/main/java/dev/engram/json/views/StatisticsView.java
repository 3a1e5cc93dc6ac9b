package dev.engram.json.views;

import dev.engram.application.port.in.StatisticsReport;
import dev.engram.domain.json.JsonArray;
import dev.engram.domain.json.JsonNull;
import dev.engram.domain.json.JsonNumber;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.JsonValue;
import dev.engram.domain.replay.ReplayStats;
import dev.engram.domain.stats.GroupStats;
import dev.engram.domain.stats.RewardHistogram;
import dev.engram.domain.stats.TrajectoryStatistics;
import dev.engram.domain.trajectory.Outcome;
import dev.engram.domain.trajectory.Timestamps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Statistics ({@code stats --json}, {@code GET /v1/stats}) with every key of INTERFACES.md: {@code buffer} is null
 * without a write buffer, {@code memory} null unless an agent was asked for, {@code series} null unless a bucket
 * width was. Beyond INTERFACES.md: {@code reward_histogram}, ten {@code {"from", "to", "count"}} buckets over [0, 1]
 * ({@link RewardHistogram}), and in each series bucket its {@code mean_reward} and the same figures {@code by_agent}
 * and {@code by_task}.
 */
public final class StatisticsView {
    private StatisticsView() {
    }

    /** @param withSeries whether a time series was asked for ({@code --by}); the series is null otherwise */
    public static JsonObject toJson(StatisticsReport report, boolean withSeries) {
        TrajectoryStatistics t = report.trajectories();
        JsonObject.Builder outcomes = JsonObject.builder();
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome.wireName(), t.byOutcome().get(outcome));
        }
        return JsonObject.builder()
                .put("total_trajectories", t.total())
                .put("by_outcome", outcomes.build())
                .put("mean_reward", JsonValues.number(t.meanReward()))
                .put("by_agent", groups(t.byAgent()))
                .put("by_task", groups(t.byTask()))
                .put("by_domain", groups(t.byDomain()))
                .put("reward_histogram", histogram(t.rewardHistogram()))
                .put("replay", replay(report.replay()))
                .put("buffer", report.buffer() == null ? JsonNull.NULL : JsonObject.builder()
                        .put("lag", report.buffer().lag()).put("pending", report.buffer().pending()).build())
                .put("memory", report.memory() == null ? JsonNull.NULL : MemorySummaryView.toJson(report.memory()))
                .put("series", withSeries ? JsonValues.array(t.series().entrySet(), e -> JsonObject.builder()
                        .put("bucket", Timestamps.format(e.getKey()))
                        .put("count", e.getValue().count())
                        .put("success_rate", e.getValue().successRate())
                        .put("mean_reward", JsonValues.number(e.getValue().meanReward()))
                        .put("by_agent", t.seriesByAgent() == null ? JsonNull.NULL : groups(t.seriesByAgent().get(e.getKey())))
                        .put("by_task", t.seriesByTask() == null ? JsonNull.NULL : groups(t.seriesByTask().get(e.getKey())))
                        .build()) : JsonNull.NULL)
                .build();
    }

    private static JsonValue histogram(RewardHistogram histogram) {
        if (histogram == null) {
            return JsonNull.NULL;
        }
        List<JsonValue> buckets = new ArrayList<>(RewardHistogram.BUCKETS);
        for (int i = 0; i < RewardHistogram.BUCKETS; i++) {
            buckets.add(JsonObject.builder()
                    .put("from", JsonNumber.of(RewardHistogram.lower(i)))
                    .put("to", JsonNumber.of(RewardHistogram.upper(i)))
                    .put("count", histogram.count(i))
                    .build());
        }
        return new JsonArray(buckets);
    }

    private static JsonObject groups(Map<String, GroupStats> groups) {
        JsonObject.Builder out = JsonObject.builder();
        if (groups == null) {
            return out.build();
        }
        groups.forEach((key, g) -> out.put(key, JsonObject.builder()
                .put("count", g.count())
                .put("success_rate", g.successRate())
                .put("mean_reward", JsonValues.number(g.meanReward()))
                .build()));
        return out.build();
    }

    private static JsonValue replay(ReplayStats replay) {
        JsonObject.Builder domains = JsonObject.builder();
        replay.domainDistribution().forEach((domain, count) -> domains.put(domain, count.longValue()));
        return JsonObject.builder()
                .put("size", replay.size())
                .put("total_replays", replay.totalReplays())
                .put("mean_loss", JsonValues.number(replay.meanLoss()))
                .put("domain_distribution", domains.build())
                .build();
    }
}
