package dev.engram.domain.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class WithoutReplacementTest {

    private static final double EPSILON = ReplayConfig.DEFAULT_EPSILON;

    private final List<ReplayItem> items = ReplayFixtures.population();
    private final ReplayIndex index = ReplayFixtures.indexOf(items);

    @ParameterizedTest
    @EnumSource(ReplayStrategy.class)
    void drawsAreDistinct(ReplayStrategy strategy) {
        List<ReplayDraw> draws = index.sample(SampleRequest.of(40, strategy), ReplayFixtures.random(1));
        assertThat(draws).hasSize(40).extracting(ReplayDraw::id).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @EnumSource(ReplayStrategy.class)
    void askingForMoreThanIsEligibleReturnsAllOfIt(ReplayStrategy strategy) {
        assertThat(index.sample(SampleRequest.of(100, strategy), ReplayFixtures.random(2))).hasSize(60)
                .extracting(ReplayDraw::id).doesNotHaveDuplicates();
        ReplayFilter filter = ReplayFilter.any().withAgent("alpha").withTask("deploy");
        long eligible = items.stream().filter(i -> i.agentId().equals("alpha") && i.taskId().equals("deploy")).count();
        assertThat(index.sample(SampleRequest.of(100, strategy).withFilter(filter), ReplayFixtures.random(3)))
                .hasSize((int) eligible).extracting(ReplayDraw::id).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @EnumSource(ReplayStrategy.class)
    void anEmptyIndexOrAFilterNothingMatchesGivesNothing(ReplayStrategy strategy) {
        ReplayIndex empty = new ReplayIndex(ReplayConfig.defaults());
        assertThat(empty.sample(SampleRequest.of(5, strategy), ReplayFixtures.random(4))).isEmpty();
        assertThat(empty.sample(SampleRequest.of(5, strategy).withReplacement(true), ReplayFixtures.random(4)))
                .isEmpty();
        for (ReplayFilter filter : List.of(ReplayFilter.any().withDomain("none"),
                ReplayFilter.any().withAgent("alpha").withDomain("none"),
                ReplayFilter.any().withAgent("alpha").withTask("review").withDomain("code")
                        .withOutcome(dev.engram.domain.trajectory.Outcome.PARTIAL))) {
            long eligible = items.stream().filter(i -> matches(filter, i)).count();
            assertThat(index.sample(SampleRequest.of(5, strategy).withFilter(filter), ReplayFixtures.random(5)))
                    .hasSize((int) Math.min(5, eligible));
        }
    }

    /** Each draw reports its chance among the items left; its IS weight uses its probability over the full set. */
    @Test
    void prioritizedReportsTheChanceAtEachDrawAndTheFullSetWeight() {
        double alpha = 0.9;
        double beta = 0.6;
        List<ReplayDraw> draws = index.sample(SampleRequest.of(30, ReplayStrategy.PRIORITIZED).withAlpha(alpha)
                .withBeta(beta), ReplayFixtures.random(6));
        Map<String, Double> weight = new HashMap<>();
        items.forEach(item -> weight.put(item.id(), Math.pow(item.loss() + EPSILON, alpha)));
        Map<String, Double> full = SamplingDistributionTest.normalise(items, i -> weight.get(i.id()));
        double remaining = weight.values().stream().mapToDouble(Double::doubleValue).sum();
        for (ReplayDraw draw : draws) {
            double atDraw = weight.get(draw.id()) / remaining;
            assertThat(draw.probability()).isCloseTo(atDraw, offset(1e-12 * atDraw));
            remaining -= weight.get(draw.id());
        }
        SamplingDistributionTest.assertReported(draws.stream()
                .map(d -> new ReplayDraw(d.id(), full.get(d.id()), d.weight())).collect(Collectors.toList()), full,
                beta);
    }

    @Test
    void mixedReportsTheMixtureAmongTheItemsLeft() {
        List<ReplayDraw> draws = index.sample(SampleRequest.of(20, ReplayStrategy.MIXED).withMix(0.25).withAlpha(1),
                ReplayFixtures.random(7));
        Map<String, Double> weight = new HashMap<>();
        items.forEach(item -> weight.put(item.id(), item.loss() + EPSILON));
        double remaining = weight.values().stream().mapToDouble(Double::doubleValue).sum();
        int left = items.size();
        for (ReplayDraw draw : draws) {
            double atDraw = 0.25 * weight.get(draw.id()) / remaining + 0.75 / left;
            assertThat(draw.probability()).isCloseTo(atDraw, offset(1e-12 * atDraw));
            remaining -= weight.get(draw.id());
            left--;
        }
    }

    @Test
    void theFirstDrawFollowsTheFullSetProbabilities() {
        Duration halfLife = Duration.ofHours(8);
        SampleRequest request = SampleRequest.of(3, ReplayStrategy.RECENCY).withHalfLife(halfLife);
        Map<String, Long> firsts = new HashMap<>();
        var random = ReplayFixtures.random(8);
        for (int sample = 0; sample < 40_000; sample++) {
            firsts.merge(index.sample(request, random).get(0).id(), 1L, Long::sum);
        }
        ChiSquare.assertFits(firsts, SamplingDistributionTest.recency(items, halfLife));
    }

    @Test
    void theTreesAreLeftExactlyAsTheyWere() {
        ReplayIndex fresh = ReplayFixtures.indexOf(items);
        SampleRequest withReplacement = SampleRequest.of(500, ReplayStrategy.MIXED).withReplacement(true);
        fresh.sample(withReplacement, ReplayFixtures.random(9)); // build the same trees in both
        index.sample(withReplacement, ReplayFixtures.random(9));
        index.sample(SampleRequest.of(45, ReplayStrategy.MIXED), ReplayFixtures.random(10));
        assertThat(index.sample(withReplacement, ReplayFixtures.random(11)))
                .isEqualTo(fresh.sample(withReplacement, ReplayFixtures.random(11)));
    }

    @Test
    void drawsAreDistinctAroundHoles() {
        Set<String> removed = new HashSet<>();
        for (int i = 1; i < items.size(); i += 3) {
            index.remove(items.get(i).id());
            removed.add(items.get(i).id());
        }
        for (ReplayStrategy strategy : List.of(ReplayStrategy.UNIFORM, ReplayStrategy.PRIORITIZED,
                ReplayStrategy.MIXED, ReplayStrategy.RECENCY)) {
            List<ReplayDraw> draws = index.sample(SampleRequest.of(60, strategy), ReplayFixtures.random(12));
            assertThat(draws).hasSize(40).extracting(ReplayDraw::id).doesNotHaveDuplicates()
                    .doesNotContainAnyElementsOf(removed);
        }
    }

    private static boolean matches(ReplayFilter filter, ReplayItem item) {
        return (filter.outcome() == null || filter.outcome() == item.outcome())
                && (filter.agentId() == null || filter.agentId().equals(item.agentId()))
                && (filter.taskId() == null || filter.taskId().equals(item.taskId()))
                && (filter.domain() == null || filter.domain().equals(item.domain()));
    }
}
