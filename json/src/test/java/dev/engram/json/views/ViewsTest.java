package dev.engram.json.views;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.application.port.in.RecordReport;
import dev.engram.application.port.in.RecordReport.ItemResult;
import dev.engram.application.port.in.RecordReport.Status;
import dev.engram.application.port.in.SampleResult;
import dev.engram.application.port.in.StatisticsReport;
import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import dev.engram.domain.error.Violation;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.replay.ReplayStats;
import dev.engram.domain.stats.TimeBucket;
import dev.engram.domain.stats.TrajectoryStatistics;
import dev.engram.domain.trajectory.Outcome;
import dev.engram.domain.trajectory.Trajectory;
import dev.engram.json.JsonCodec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The JSON documents of INTERFACES.md, key for key, as both front ends print them. */
class ViewsTest {
    private static final Instant AT = Instant.parse("2026-11-20T10:00:45Z");

    private static String json(JsonObject document) {
        return JsonCodec.instance().write(document);
    }

    @Test
    void statisticsHaveEveryKeyWithNullsForWhatWasNotAskedFor() {
        TrajectoryStatistics stats = TrajectoryStatistics.accumulator(TimeBucket.DAY)
                .add("a", "deploy", "ops", Outcome.SUCCESS, 1.0, AT)
                .add("a", "deploy", "ops", Outcome.FAILURE, 0.0, AT)
                .result();
        StatisticsReport report = new StatisticsReport(stats, new ReplayStats(2, 5, null, new TreeMap<>(Map.of("ops", 2L))), null, null);
        assertThat(json(StatisticsView.toJson(report, false))).isEqualTo("{\"total_trajectories\":2,"
                + "\"by_outcome\":{\"success\":1,\"failure\":1,\"partial\":0},\"mean_reward\":0.5,"
                + "\"by_agent\":{\"a\":{\"count\":2,\"success_rate\":0.5,\"mean_reward\":0.5}},"
                + "\"by_task\":{\"deploy\":{\"count\":2,\"success_rate\":0.5,\"mean_reward\":0.5}},"
                + "\"by_domain\":{\"ops\":{\"count\":2,\"success_rate\":0.5,\"mean_reward\":0.5}},"
                + "\"reward_histogram\":[{\"from\":0.0,\"to\":0.1,\"count\":1},{\"from\":0.1,\"to\":0.2,\"count\":0},"
                + "{\"from\":0.2,\"to\":0.3,\"count\":0},{\"from\":0.3,\"to\":0.4,\"count\":0},{\"from\":0.4,\"to\":0.5,\"count\":0},"
                + "{\"from\":0.5,\"to\":0.6,\"count\":0},{\"from\":0.6,\"to\":0.7,\"count\":0},{\"from\":0.7,\"to\":0.8,\"count\":0},"
                + "{\"from\":0.8,\"to\":0.9,\"count\":0},{\"from\":0.9,\"to\":1.0,\"count\":1}],"
                + "\"replay\":{\"size\":2,\"total_replays\":5,\"mean_loss\":null,\"domain_distribution\":{\"ops\":2}},"
                + "\"buffer\":null,\"memory\":null,\"series\":null}");
        assertThat(json(StatisticsView.toJson(report, true)))
                .endsWith("\"series\":[{\"bucket\":\"2026-11-20T00:00:00Z\",\"count\":2,\"success_rate\":0.5,\"mean_reward\":0.5,"
                        + "\"by_agent\":{\"a\":{\"count\":2,\"success_rate\":0.5,\"mean_reward\":0.5}},"
                        + "\"by_task\":{\"deploy\":{\"count\":2,\"success_rate\":0.5,\"mean_reward\":0.5}}}]}");
        TrajectoryStatistics partial = new TrajectoryStatistics(stats.all(), stats.byOutcome(), stats.byAgent(), stats.byTask(),
                stats.byDomain(), stats.series());
        String withoutHistogram = json(StatisticsView.toJson(new StatisticsReport(partial, report.replay(), null, null), true));
        assertThat(withoutHistogram).contains("\"reward_histogram\":null,")
                .endsWith("\"mean_reward\":0.5,\"by_agent\":null,\"by_task\":null}]}");
    }

    @Test
    void aSampleListsEachDrawWithItsProbabilityWeightAndTrajectory() {
        Trajectory t = Trajectory.builder().trajectoryId("t1").agentId("a").taskId("deploy").finalOutcome(Outcome.SUCCESS)
                .reward(1.0).createdAt(AT).build();
        String text = json(SampleView.toJson(new SampleResult("prioritized", 42, 3, List.of(new SampleResult.Item(t, 0.25, 0.5)))));
        assertThat(text).startsWith("{\"strategy\":\"prioritized\",\"seed\":42,\"requested\":3,\"returned\":1,"
                + "\"items\":[{\"trajectory_id\":\"t1\",\"probability\":0.25,\"weight\":0.5,\"trajectory\":{\"trajectory_id\":\"t1\",");
    }

    @Test
    void errorsNameEveryProblemByField() {
        DomainException failure = new DomainException(ErrorCode.INVALID_ARGUMENT, "2 problems",
                List.of(new Violation("n", "must be between 1 and 100000, got 0"), new Violation("beta", "must be between 0 and 1, got 2.0")));
        assertThat(json(ErrorView.of(failure))).isEqualTo("{\"error\":{\"code\":\"invalid_argument\",\"message\":\"2 problems\","
                + "\"details\":[{\"field\":\"n\",\"message\":\"must be between 1 and 100000, got 0\"},"
                + "{\"field\":\"beta\",\"message\":\"must be between 0 and 1, got 2.0\"}]}}");
    }

    @Test
    void aRefusedBatchBecomesOneErrorWithItsItemsAndLines() {
        RecordReport report = new RecordReport(List.of(
                new ItemResult(0, 1, "t0", Status.NOT_STORED, List.of()),
                new ItemResult(1, 2, null, Status.INVALID, List.of(new Violation("reward", "must be between 0 and 1, got 1.5"),
                        new Violation("steps[2].timestamp", "not an ISO-8601 time: 'yesterday'")))));
        assertThat(RecordReportView.errorCode(report)).isEqualTo(ErrorCode.INVALID_TRAJECTORY);
        assertThat(json(RecordReportView.toError(report))).isEqualTo("{\"error\":{\"code\":\"invalid_trajectory\","
                + "\"message\":\"2 problems in item 1\",\"details\":["
                + "{\"index\":1,\"line\":2,\"field\":\"reward\",\"message\":\"must be between 0 and 1, got 1.5\"},"
                + "{\"index\":1,\"line\":2,\"field\":\"steps[2].timestamp\",\"message\":\"not an ISO-8601 time: 'yesterday'\"}]}}");
        RecordReport conflict = new RecordReport(List.of(new ItemResult(0, 1, "t0", Status.CONFLICT,
                List.of(new Violation("trajectory_id", "is already stored with other content")))));
        assertThat(RecordReportView.errorCode(conflict)).isEqualTo(ErrorCode.CONFLICT);
        RecordReport unparsed = new RecordReport(List.of(new ItemResult(0, 3, null, Status.INVALID,
                List.of(new Violation("", "unexpected end of input")))));
        assertThat(RecordReportView.errorCode(unparsed)).isEqualTo(ErrorCode.MALFORMED_JSON);
    }
}
