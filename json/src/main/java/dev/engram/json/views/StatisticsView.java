package dev.engram.json.views;

import dev.engram.application.port.in.StatisticsReport;
import dev.engram.domain.json.JsonNull;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.JsonValue;
import dev.engram.domain.replay.ReplayStats;
import dev.engram.domain.stats.GroupStats;
import dev.engram.domain.stats.TrajectoryStatistics;
import dev.engram.domain.trajectory.Outcome;
import dev.engram.domain.trajectory.Timestamps;
import java.util.Map;

/**
 * Statistics ({@code stats --json}, {@code GET /v1/stats}) with every key of INTERFACES.md: {@code buffer} is null
 * without a write buffer, {@code memory} null unless an agent was asked for, {@code series} null unless a bucket
 * width was.
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
                .put("replay", replay(report.replay()))
                .put("buffer", report.buffer() == null ? JsonNull.NULL : JsonObject.builder()
                        .put("lag", report.buffer().lag()).put("pending", report.buffer().pending()).build())
                .put("memory", report.memory() == null ? JsonNull.NULL : MemorySummaryView.toJson(report.memory()))
                .put("series", withSeries ? JsonValues.array(t.series().entrySet(), e -> JsonObject.builder()
                        .put("bucket", Timestamps.format(e.getKey()))
                        .put("count", e.getValue().count())
                        .put("success_rate", e.getValue().successRate())
                        .build()) : JsonNull.NULL)
                .build();
    }

    private static JsonObject groups(Map<String, GroupStats> groups) {
        JsonObject.Builder out = JsonObject.builder();
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
