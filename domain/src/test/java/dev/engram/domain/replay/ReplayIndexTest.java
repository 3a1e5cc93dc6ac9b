package dev.engram.domain.replay;

import static dev.engram.domain.replay.ReplayFixtures.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.engram.domain.trajectory.Outcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReplayIndexTest {

    private final ReplayIndex index = new ReplayIndex(ReplayConfig.defaults());

    @Test
    void addingTheSameIdTwiceChangesNothing() {
        assertThat(index.add(item("a", 0, 0.5))).isEmpty();
        assertThat(index.add(item("a", 5, 9.0))).isEmpty();
        assertThat(index.size()).isEqualTo(1);
        assertThat(index.find("a").orElseThrow().item().loss()).isEqualTo(0.5);
        assertThat(index.contains("a")).isTrue();
        assertThat(index.contains("b")).isFalse();
    }

    @Test
    void priorityIsLossPlusEpsilon() {
        ReplayIndex custom = new ReplayIndex(ReplayConfig.defaults().withEpsilon(0.01));
        custom.add(item("a", 0, 0.5));
        assertThat(custom.find("a").orElseThrow().priority()).isEqualTo(0.51);
        custom.updatePriority("a", 2.0);
        assertThat(custom.find("a").orElseThrow().priority()).isEqualTo(2.01);
        assertThat(custom.find("a").orElseThrow().item().loss()).isEqualTo(2.0);
    }

    @Test
    void anItemOfUnknownLossEntersAtTheCurrentMaximumPriority() {
        index.add(item("first", 0, null));
        assertThat(index.find("first").orElseThrow().priority()).isEqualTo(ReplayIndex.INITIAL_PRIORITY);
        index.add(item("hard", 1, 4.0));
        index.add(item("easy", 2, 0.1));
        index.add(item("unknown", 3, null));
        assertThat(index.find("unknown").orElseThrow().priority()).isEqualTo(4.0 + ReplayConfig.DEFAULT_EPSILON);
        index.updatePriority("hard", 0.2);
        assertThat(index.maxPriority()).isEqualTo(4.0 + ReplayConfig.DEFAULT_EPSILON);
        index.remove("unknown");
        index.add(item("unknown-2", 4, null));
        assertThat(index.find("unknown-2").orElseThrow().priority()).isEqualTo(ReplayIndex.INITIAL_PRIORITY);
    }

    @Test
    void removeTakesTheItemOut() {
        index.add(item("a", 0, 1.0));
        index.add(item("b", 1, 1.0));
        assertThat(index.remove("a")).isTrue();
        assertThat(index.remove("a")).isFalse();
        assertThat(index.size()).isEqualTo(1);
        List<ReplayDraw> draws = index.sample(SampleRequest.of(50, ReplayStrategy.PRIORITIZED).withReplacement(true),
                ReplayFixtures.random(1));
        assertThat(draws).extracting(ReplayDraw::id).containsOnly("b");
    }

    @Test
    void everyDrawCountsAsAReplay() {
        index.add(item("a", 0, 1.0));
        index.add(item("b", 1, 1.0));
        List<ReplayDraw> draws = index.sample(SampleRequest.of(40, ReplayStrategy.UNIFORM).withReplacement(true),
                ReplayFixtures.random(2));
        long drawsOfA = draws.stream().filter(draw -> draw.id().equals("a")).count();
        assertThat(index.find("a").orElseThrow().replayCount()).isEqualTo(drawsOfA);
        assertThat(index.find("b").orElseThrow().replayCount()).isEqualTo(40 - drawsOfA);
        index.sample(SampleRequest.of(1, ReplayStrategy.FIFO), ReplayFixtures.random(3));
        assertThat(index.find("a").orElseThrow().replayCount()).isEqualTo(drawsOfA + 1);
        assertThat(index.stats().totalReplays()).isEqualTo(41);
        index.remove("a");
        assertThat(index.stats().totalReplays()).isEqualTo(40 - drawsOfA);
    }

    @Test
    void statsSummariseTheIndex() {
        assertThat(index.stats()).isEqualTo(new ReplayStats(0, 0, null, new java.util.TreeMap<>()));
        index.add(item("a", 0, "x", "t", "web", Outcome.SUCCESS, 1.0));
        index.add(item("b", 1, "x", "t", "code", Outcome.FAILURE, 2.0));
        index.add(item("c", 2, "x", "t", "web", Outcome.FAILURE, null));
        ReplayStats stats = index.stats();
        assertThat(stats.size()).isEqualTo(3);
        assertThat(stats.meanLoss()).isCloseTo(1.5, offset(1e-12));
        assertThat(stats.domainDistribution()).containsExactly(Map.entry("code", 1L), Map.entry("web", 2L));
        index.remove("b");
        assertThat(index.stats().domainDistribution()).containsExactly(Map.entry("web", 2L));
        index.add(item("huge-1", 3, Double.MAX_VALUE));
        index.add(item("huge-2", 4, Double.MAX_VALUE));
        assertThat(index.stats().meanLoss()).isFinite();
    }

    @Test
    void updatePrioritiesSkipsAndReportsIdsNoLongerHeld() {
        index.add(item("a", 0, 1.0));
        index.add(item("b", 1, 1.0));
        index.remove("b");
        Map<String, Double> losses = new LinkedHashMap<>();
        losses.put("zeta", 1.0);
        losses.put("a", 3.0);
        losses.put("b", 2.0);
        PriorityUpdateResult result = index.updatePriorities(losses);
        assertThat(result.updated()).isEqualTo(1);
        assertThat(result.skipped()).containsExactly("b", "zeta");
        assertThat(index.find("a").orElseThrow().item().loss()).isEqualTo(3.0);
        assertThat(index.updatePriority("b", 1.0)).isFalse();
    }

    @Test
    void entriesComeInCreatedAtThenIdOrderWhateverTheInsertionOrder() {
        index.add(item("b", 5, 1.0));
        index.add(item("a", 5, 1.0));
        index.add(item("c", 1, 1.0));
        index.add(item("d", 9, 1.0));
        assertThat(index.entries().map(ReplayEntry::id).collect(Collectors.toList())).containsExactly("c", "a", "b",
                "d");
    }

    @Test
    void topListsTheHighestPrioritiesTiesToTheOlder() {
        index.add(item("low", 0, 0.1));
        index.add(item("tie-new", 9, 2.0));
        index.add(item("tie-old", 1, 2.0));
        index.add(item("high", 5, 5.0));
        assertThat(index.top(3, null)).extracting(ReplayEntry::id).containsExactly("high", "tie-old", "tie-new");
        assertThat(index.top(10, ReplayFilter.any())).hasSize(4);
        assertThat(index.find("high").orElseThrow().replayCount()).isZero();
    }

    @Test
    void manyWeightingsInTurnStayCorrectAsTheCacheDropsTheOldest() {
        ReplayIndex small = new ReplayIndex(ReplayConfig.defaults().withWeightingCacheSize(2));
        List<ReplayItem> items = ReplayFixtures.population();
        items.forEach(small::add);
        for (double alpha : new double[] {0.2, 0.4, 0.6, 0.8, 1.0, 0.2}) {
            small.updatePriority("item-07", alpha * 3);
            List<ReplayItem> now = small.entries().map(ReplayEntry::item).collect(Collectors.toList());
            SampleRequest request = SampleRequest.of(100, ReplayStrategy.PRIORITIZED).withAlpha(alpha)
                    .withReplacement(true);
            SamplingDistributionTest.assertReported(small.sample(request, ReplayFixtures.random(4)),
                    SamplingDistributionTest.normalise(now,
                            i -> Math.pow(i.loss() + ReplayConfig.DEFAULT_EPSILON, alpha)), request.beta());
        }
    }

    @Test
    void theIndexCompactsItsHolesAndKeepsDrawing() {
        for (int i = 0; i < 5000; i++) {
            index.add(item("item-" + i, i, 1.0 + i % 5));
        }
        index.sample(SampleRequest.of(10, ReplayStrategy.PRIORITIZED), ReplayFixtures.random(5));
        for (int i = 0; i < 4000; i++) {
            index.remove("item-" + i);
        }
        assertThat(index.size()).isEqualTo(1000);
        List<ReplayDraw> draws = index.sample(SampleRequest.of(1000, ReplayStrategy.PRIORITIZED),
                ReplayFixtures.random(6));
        assertThat(draws).hasSize(1000).extracting(ReplayDraw::id).doesNotHaveDuplicates()
                .allMatch(id -> Integer.parseInt(id.substring(5)) >= 4000);
        assertThat(index.entries().findFirst().orElseThrow().id()).isEqualTo("item-4000");
    }
}
