package dev.engram.domain.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.engram.domain.error.DomainException;
import dev.engram.domain.trajectory.Outcome;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TrajectoryStatisticsTest {
    @Test
    void countsByOutcomeAndRatesByAgentTaskAndDomain() {
        TrajectoryStatistics stats = TrajectoryStatistics.accumulator(TimeBucket.DAY)
                .add("a1", "deploy", "code", Outcome.SUCCESS, 1.0, Instant.parse("2026-11-20T10:00:00Z"))
                .add("a1", "deploy", "code", Outcome.FAILURE, 0.0, Instant.parse("2026-11-20T23:59:59Z"))
                .add("a1", "triage", "ops", Outcome.PARTIAL, 0.5, Instant.parse("2026-11-21T00:00:00Z"))
                .add("a2", "deploy", "code", Outcome.SUCCESS, 0.75, Instant.parse("2026-11-21T08:00:00Z"))
                .result();

        assertThat(stats.total()).isEqualTo(4);
        assertThat(stats.meanReward()).isEqualTo(2.25 / 4);
        assertThat(stats.byOutcome()).containsEntry(Outcome.SUCCESS, 2L).containsEntry(Outcome.FAILURE, 1L).containsEntry(Outcome.PARTIAL, 1L);
        assertThat(stats.byAgent().get("a1")).isEqualTo(new GroupStats(3, 1, 1.5));
        assertThat(stats.byAgent().get("a1").successRate()).isEqualTo(1.0 / 3);
        assertThat(stats.byAgent().get("a2").meanReward()).isEqualTo(0.75);
        assertThat(stats.byTask().keySet()).containsExactly("deploy", "triage");
        assertThat(stats.byTask().get("deploy").successRate()).isEqualTo(2.0 / 3);
        assertThat(stats.byDomain().get("ops")).isEqualTo(new GroupStats(1, 0, 0.5));
        assertThat(stats.series()).containsOnlyKeys(Instant.parse("2026-11-20T00:00:00Z"), Instant.parse("2026-11-21T00:00:00Z"));
        assertThat(stats.series().get(Instant.parse("2026-11-20T00:00:00Z")).successRate()).isEqualTo(0.5);
        assertThat(stats.seriesByAgent().get(Instant.parse("2026-11-21T00:00:00Z")))
                .containsOnly(entry("a1", new GroupStats(1, 0, 0.5)), entry("a2", new GroupStats(1, 1, 0.75)));
        assertThat(stats.seriesByTask().get(Instant.parse("2026-11-20T00:00:00Z"))).containsOnly(entry("deploy", new GroupStats(2, 1, 1.0)));
        assertThat(stats.rewardHistogram().counts()).containsExactly(1L, 0L, 0L, 0L, 0L, 1L, 0L, 1L, 0L, 1L);
    }

    @Test
    void rewardBucketsAreTenthsWithTheLastOneClosed_onBoundariesToo() {
        TrajectoryStatistics.Accumulator acc = TrajectoryStatistics.accumulator(null);
        double[] rewards = {0.0, 0.05, 0.1, 0.2, 0.3, 0.6, 0.7, 0.8, 0.9, 0.95, 0.999999, 1.0, 0.29999999999999993};
        for (double reward : rewards) {
            acc.add("a", "t", "d", Outcome.SUCCESS, reward, Instant.EPOCH);
        }
        RewardHistogram histogram = acc.result().rewardHistogram();
        // a reward just under a boundary stays below it; 1.0 counts in the last bucket
        assertThat(histogram.counts()).containsExactly(2L, 1L, 2L, 1L, 0L, 0L, 1L, 1L, 1L, 4L);
        assertThat(histogram.total()).isEqualTo(rewards.length);
        assertThat(RewardHistogram.lower(3)).isEqualTo(0.3);
        assertThat(RewardHistogram.upper(9)).isEqualTo(1.0);
        assertThat(histogram.plus(RewardHistogram.of(1, 0, 0, 0, 0, 0, 0, 0, 0, 0)).count(0)).isEqualTo(3);
        assertThatThrownBy(() -> RewardHistogram.of(1, 2)).hasMessageContaining("10 buckets");
        assertThatThrownBy(() -> RewardHistogram.of(1, 0, 0, 0, 0, 0, 0, 0, 0, -1)).hasMessageContaining("negative");
    }

    @Test
    void statisticsOfAStoreThatComputesNoHistogramSayNothingRatherThanZeros() {
        TrajectoryStatistics partial = new TrajectoryStatistics(GroupStats.EMPTY, Map.of(), new TreeMap<>(), new TreeMap<>(),
                new TreeMap<>(), new TreeMap<>());
        assertThat(partial.rewardHistogram()).isNull();
        assertThat(partial.seriesByAgent()).isNull();
        assertThat(TrajectoryStatistics.empty().rewardHistogram()).isEqualTo(RewardHistogram.empty());
    }

    @Test
    void emptyStatisticsHaveZeroCountsAndNoMean() {
        TrajectoryStatistics stats = TrajectoryStatistics.empty();
        assertThat(stats.total()).isZero();
        assertThat(stats.meanReward()).isNull();
        assertThat(stats.byOutcome()).containsEntry(Outcome.SUCCESS, 0L).hasSize(3);
        assertThat(stats.series()).isEmpty();
        assertThat(GroupStats.EMPTY.successRate()).isZero();
    }

    @Test
    void hourBucketsAndBadBucketNames() {
        assertThat(TimeBucket.parse("Hour").start(Instant.parse("2026-11-20T10:59:59.9Z"))).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
        assertThatThrownBy(() -> TimeBucket.parse("week")).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.field()).isEqualTo("by"));
        assertThatThrownBy(() -> new GroupStats(1, 2, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
