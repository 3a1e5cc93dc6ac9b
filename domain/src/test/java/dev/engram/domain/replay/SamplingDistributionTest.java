package dev.engram.domain.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.engram.domain.trajectory.Outcome;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The draws follow the probabilities they claim: observed frequencies pass a chi-square test against P(i) computed
 * here from the definitions, the reported probabilities equal P(i), and the IS weights equal
 * (N·P(i))^-β / max_j (N·P(j))^-β, both to 1e-12.
 */
class SamplingDistributionTest {

    private static final double EPSILON = ReplayConfig.DEFAULT_EPSILON;
    private static final int DRAWS_PER_ROUND = 100_000;

    private final List<ReplayItem> items = ReplayFixtures.population();
    private final ReplayIndex index = ReplayFixtures.indexOf(items);

    @Test
    void uniformDrawsAreUniform() {
        SampleRequest request = SampleRequest.of(DRAWS_PER_ROUND, ReplayStrategy.UNIFORM).withReplacement(true);
        Map<String, Double> expected = normalise(items, item -> 1.0);
        assertDistribution(request, expected, 2, 11);
        assertReported(index.sample(request.withN(500), ReplayFixtures.random(1)), expected, request.beta());
    }

    @Test
    void prioritizedDrawsFollowPriorityToTheAlpha() {
        SampleRequest request = SampleRequest.of(DRAWS_PER_ROUND, ReplayStrategy.PRIORITIZED).withAlpha(0.7)
                .withBeta(0.5).withReplacement(true);
        Map<String, Double> expected = normalise(items, item -> Math.pow(item.loss() + EPSILON, 0.7));
        assertDistribution(request, expected, 3, 12);
        assertReported(index.sample(request.withN(500), ReplayFixtures.random(2)), expected, 0.5);
    }

    @Test
    void recencyDrawsHalveWithEachHalfLifeOfAgeFromTheNewestItem() {
        Duration halfLife = Duration.ofHours(6);
        SampleRequest request = SampleRequest.of(DRAWS_PER_ROUND, ReplayStrategy.RECENCY).withHalfLife(halfLife)
                .withBeta(0.7).withReplacement(true);
        Map<String, Double> expected = recency(items, halfLife);
        assertDistribution(request, expected, 3, 13);
        assertReported(index.sample(request.withN(500), ReplayFixtures.random(3)), expected, 0.7);
    }

    @Test
    void mixedDrawsFollowTheMixture() {
        SampleRequest request = SampleRequest.of(DRAWS_PER_ROUND, ReplayStrategy.MIXED).withAlpha(1.0).withMix(0.3)
                .withBeta(0.4).withReplacement(true);
        Map<String, Double> prioritized = normalise(items, item -> item.loss() + EPSILON);
        Map<String, Double> expected = new HashMap<>();
        prioritized.forEach((id, p) -> expected.put(id, 0.3 * p + 0.7 / items.size()));
        assertDistribution(request, expected, 3, 14);
        assertReported(index.sample(request.withN(500), ReplayFixtures.random(4)), expected, 0.4);
    }

    @Test
    void aFilterOnOneDimensionDrawsOnlyItsItemsByTheirPriority() {
        ReplayFilter filter = ReplayFilter.any().withAgent("beta");
        SampleRequest request = SampleRequest.of(DRAWS_PER_ROUND, ReplayStrategy.PRIORITIZED).withFilter(filter)
                .withReplacement(true);
        List<ReplayItem> eligible = select(item -> item.agentId().equals("beta"));
        Map<String, Double> expected = normalise(eligible, item -> Math.pow(item.loss() + EPSILON, 0.6));
        assertDistribution(request, expected, 2, 15);
        assertReported(index.sample(request.withN(300), ReplayFixtures.random(5)), expected, request.beta());
    }

    @Test
    void aFilterOnOneDimensionDrawsUniformlyAndByRecencyToo() {
        ReplayFilter filter = ReplayFilter.any().withOutcome(Outcome.PARTIAL);
        List<ReplayItem> eligible = select(item -> item.outcome() == Outcome.PARTIAL);
        SampleRequest uniform = SampleRequest.of(DRAWS_PER_ROUND, ReplayStrategy.UNIFORM).withFilter(filter)
                .withReplacement(true);
        assertDistribution(uniform, normalise(eligible, item -> 1.0), 1, 16);
        Duration halfLife = Duration.ofHours(10);
        SampleRequest recency = SampleRequest.of(DRAWS_PER_ROUND, ReplayStrategy.RECENCY).withFilter(filter)
                .withHalfLife(halfLife).withReplacement(true);
        assertDistribution(recency, recency(eligible, halfLife), 2, 17);
    }

    @Test
    void combinedFiltersDrawFromTheIntersectionByPriority() {
        ReplayFilter filter = ReplayFilter.any().withAgent("gamma").withDomain("ops").withTask("review");
        List<ReplayItem> eligible = select(item -> item.agentId().equals("gamma") && item.domain().equals("ops")
                && item.taskId().equals("review"));
        assertThat(eligible).hasSizeGreaterThan(2);
        SampleRequest request = SampleRequest.of(DRAWS_PER_ROUND, ReplayStrategy.PRIORITIZED).withAlpha(1.0)
                .withFilter(filter).withReplacement(true);
        Map<String, Double> expected = normalise(eligible, item -> item.loss() + EPSILON);
        assertDistribution(request, expected, 1, 18);
        assertReported(index.sample(request.withN(200), ReplayFixtures.random(6)), expected, request.beta());
    }

    @Test
    void combinedFiltersDrawTheMixtureOverTheIntersection() {
        ReplayFilter filter = ReplayFilter.any().withAgent("alpha").withOutcome(Outcome.SUCCESS);
        List<ReplayItem> eligible = select(item -> item.agentId().equals("alpha") && item.outcome() == Outcome.SUCCESS);
        SampleRequest request = SampleRequest.of(DRAWS_PER_ROUND, ReplayStrategy.MIXED).withFilter(filter)
                .withReplacement(true);
        Map<String, Double> prioritized = normalise(eligible, item -> Math.pow(item.loss() + EPSILON, 0.6));
        Map<String, Double> expected = new HashMap<>();
        prioritized.forEach((id, p) -> expected.put(id, 0.5 * p + 0.5 / eligible.size()));
        assertDistribution(request, expected, 1, 19);
        assertReported(index.sample(request.withN(200), ReplayFixtures.random(7)), expected, request.beta());
    }

    @Test
    void uniformDrawsStayUniformAroundTheHolesRemovalsLeave() {
        for (int i = 0; i < items.size(); i += 4) {
            index.remove(items.get(i).id());
        }
        List<ReplayItem> left = select(item -> index.contains(item.id()));
        SampleRequest request = SampleRequest.of(DRAWS_PER_ROUND, ReplayStrategy.UNIFORM).withReplacement(true);
        assertDistribution(request, normalise(left, item -> 1.0), 2, 20);
    }

    @Test
    void probabilitiesStayExactAsTheIndexChangesAfterItsTreesWereBuilt() {
        SampleRequest prioritized = SampleRequest.of(50, ReplayStrategy.PRIORITIZED).withReplacement(true);
        SampleRequest byAgent = prioritized.withFilter(ReplayFilter.any().withAgent("alpha"));
        index.sample(prioritized, ReplayFixtures.random(8));
        index.sample(byAgent, ReplayFixtures.random(8));
        index.updatePriority("item-03", 9.0);
        index.updatePriority("item-30", 0.2);
        index.remove("item-06");
        ReplayItem late = ReplayFixtures.item("item-99", 60L * 80, "alpha", "deploy", "code", Outcome.FAILURE, 4.0);
        index.add(late);
        List<ReplayItem> now = index.entries().map(ReplayEntry::item).collect(Collectors.toList());
        assertReported(index.sample(prioritized.withN(400), ReplayFixtures.random(9)),
                normalise(now, item -> Math.pow(item.loss() + EPSILON, 0.6)), prioritized.beta());
        List<ReplayItem> alphas = now.stream().filter(item -> item.agentId().equals("alpha"))
                .collect(Collectors.toList());
        Map<String, Double> expected = normalise(alphas, item -> Math.pow(item.loss() + EPSILON, 0.6));
        assertReported(index.sample(byAgent.withN(400), ReplayFixtures.random(10)), expected, byAgent.beta());
        assertDistribution(byAgent.withN(DRAWS_PER_ROUND), expected, 2, 21);
    }

    @Test
    void recencyReAnchorsWhenAnItemArrivesFarBeyondItsAnchor() {
        Duration halfLife = Duration.ofMinutes(1);
        // β = 0: the old items' true probabilities (2^-43200) underflow a double, so the formula's max weight cannot be
        // computed here; the weights themselves are checked in recencyDrawsHalveWithEachHalfLifeOfAgeFromTheNewestItem
        SampleRequest request = SampleRequest.of(300, ReplayStrategy.RECENCY).withHalfLife(halfLife).withBeta(0)
                .withReplacement(true);
        index.sample(request, ReplayFixtures.random(11)); // builds the tree, anchored near the newest item
        index.add(ReplayFixtures.item("much-later", 60L * 24 * 30, 1.0)); // 43,200 half-lives later
        index.add(ReplayFixtures.item("later-still", 60L * 24 * 30 + 1, 1.0));
        List<ReplayItem> now = index.entries().map(ReplayEntry::item).collect(Collectors.toList());
        Map<String, Double> expected = recency(now, halfLife);
        assertThat(expected.get("later-still")).isCloseTo(2.0 / 3, offset(1e-12));
        assertReported(index.sample(request, ReplayFixtures.random(12)), expected, request.beta());
    }

    private void assertDistribution(SampleRequest request, Map<String, Double> expected, int rounds, long seed) {
        Map<String, Long> counts = ReplayFixtures.counts(index, request, rounds, ReplayFixtures.random(seed));
        ChiSquare.assertFits(counts, expected);
    }

    /** Every draw's probability is P(i) and its weight (N·P(i))^-β / max_j (N·P(j))^-β, to 1e-12 relative. */
    static void assertReported(List<ReplayDraw> draws, Map<String, Double> expected, double beta) {
        assertThat(draws).isNotEmpty();
        int eligible = expected.size();
        double maxWeight = expected.values().stream().mapToDouble(p -> Math.pow(eligible * p, -beta)).max()
                .orElseThrow();
        for (ReplayDraw draw : draws) {
            double p = expected.get(draw.id());
            assertThat(draw.probability()).as("P(%s)", draw.id()).isCloseTo(p, offset(1e-12 * p));
            double weight = Math.pow(eligible * p, -beta) / maxWeight;
            assertThat(draw.weight()).as("w(%s)", draw.id()).isCloseTo(weight, offset(1e-12 * weight));
        }
    }

    static Map<String, Double> normalise(List<ReplayItem> eligible,
                                         java.util.function.ToDoubleFunction<ReplayItem> weight) {
        double total = eligible.stream().mapToDouble(weight).sum();
        return eligible.stream().collect(Collectors.toMap(ReplayItem::id, item -> weight.applyAsDouble(item) / total));
    }

    static Map<String, Double> recency(List<ReplayItem> eligible, Duration halfLife) {
        long newest = eligible.stream().mapToLong(item -> item.createdAt().toEpochMilli()).max().orElseThrow();
        return normalise(eligible, item -> Math.pow(2,
                -(newest - item.createdAt().toEpochMilli()) / (double) halfLife.toMillis()));
    }

    private List<ReplayItem> select(Predicate<ReplayItem> predicate) {
        return items.stream().filter(predicate).collect(Collectors.toList());
    }
}
