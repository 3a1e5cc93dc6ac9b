package dev.engram.domain.replay;

import static dev.engram.domain.replay.ReplayFixtures.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.domain.trajectory.Outcome;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BalancedSamplingTest {

    private final List<ReplayItem> items = ReplayFixtures.population();
    private final ReplayIndex index = ReplayFixtures.indexOf(items);
    private final Map<String, String> domainOf = items.stream()
            .collect(Collectors.toMap(ReplayItem::id, ReplayItem::domain));

    @Test
    void eachDomainGetsExactlyItsShare() {
        SampleRequest request = SampleRequest.of(90, ReplayStrategy.BALANCED).withReplacement(true);
        for (long seed = 0; seed < 20; seed++) {
            assertThat(perDomain(index.sample(request, ReplayFixtures.random(seed))))
                    .containsOnly(Map.entry("code", 30L), Map.entry("ops", 30L), Map.entry("web", 30L));
        }
    }

    @Test
    void theRemainderGoesOneEachToDomainsTheSeedPicks() {
        SampleRequest request = SampleRequest.of(101, ReplayStrategy.BALANCED).withReplacement(true);
        Set<Map<String, Long>> splits = new HashSet<>();
        for (long seed = 0; seed < 30; seed++) {
            Map<String, Long> split = perDomain(index.sample(request, ReplayFixtures.random(seed)));
            assertThat(split.values()).containsOnly(33L, 34L).hasSize(3);
            assertThat(split.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(101);
            assertThat(perDomain(index.sample(request, ReplayFixtures.random(seed)))).isEqualTo(split);
            splits.add(split);
        }
        assertThat(splits).as("the two extra draws land on different domains for different seeds").hasSize(3);
    }

    @Test
    void insideADomainTheDrawsFollowTheWithinStrategy() {
        SampleRequest request = SampleRequest.of(99_000, ReplayStrategy.BALANCED).withWithin(ReplayStrategy.PRIORITIZED)
                .withAlpha(1.0).withReplacement(true);
        List<ReplayDraw> draws = index.sample(request, ReplayFixtures.random(3));
        for (String domain : List.of("code", "ops", "web")) {
            List<ReplayItem> members = items.stream().filter(item -> item.domain().equals(domain))
                    .collect(Collectors.toList());
            Map<String, Double> expected = SamplingDistributionTest.normalise(members,
                    item -> item.loss() + ReplayConfig.DEFAULT_EPSILON);
            List<ReplayDraw> inDomain = draws.stream().filter(draw -> domainOf.get(draw.id()).equals(domain))
                    .collect(Collectors.toList());
            assertThat(inDomain).hasSize(33_000);
            ChiSquare.assertFits(count(inDomain, ReplayDraw::id), expected);
            SamplingDistributionTest.assertReported(inDomain.subList(0, 300), expected, request.beta());
        }
    }

    @Test
    void withoutReplacementASmallDomainGivesAllItHasAndTheOthersShareTheRest() {
        ReplayIndex uneven = new ReplayIndex(ReplayConfig.defaults());
        for (int i = 0; i < 22; i++) {
            String domain = i < 2 ? "tiny" : i < 12 ? "left" : "right";
            uneven.add(item("i" + i, i, "a", "t", domain, Outcome.SUCCESS, 1.0));
        }
        List<ReplayDraw> twelve = uneven.sample(SampleRequest.of(12, ReplayStrategy.BALANCED),
                ReplayFixtures.random(1));
        assertThat(perDomain(twelve, uneven)).containsOnly(Map.entry("tiny", 2L), Map.entry("left", 5L),
                Map.entry("right", 5L));
        assertThat(twelve).extracting(ReplayDraw::id).doesNotHaveDuplicates();
        List<ReplayDraw> all = uneven.sample(SampleRequest.of(30, ReplayStrategy.BALANCED), ReplayFixtures.random(2));
        assertThat(all).hasSize(22).extracting(ReplayDraw::id).doesNotHaveDuplicates();
    }

    @Test
    void aFilterBalancesOverTheDomainsItsItemsHave() {
        ReplayFilter filter = ReplayFilter.any().withAgent("beta").withTask("review");
        Set<String> domains = items.stream()
                .filter(item -> item.agentId().equals("beta") && item.taskId().equals("review"))
                .map(ReplayItem::domain).collect(Collectors.toSet());
        int n = 12 * domains.size();
        List<ReplayDraw> draws = index.sample(SampleRequest.of(n, ReplayStrategy.BALANCED).withFilter(filter)
                .withReplacement(true), ReplayFixtures.random(4));
        Map<String, Long> split = perDomain(draws);
        assertThat(domains).hasSizeGreaterThan(1);
        assertThat(split.keySet()).isEqualTo(domains);
        assertThat(split.values()).containsOnly(12L);
        List<ReplayDraw> ops = index.sample(SampleRequest.of(7, ReplayStrategy.BALANCED)
                .withFilter(ReplayFilter.any().withDomain("ops")).withReplacement(true), ReplayFixtures.random(5));
        assertThat(perDomain(ops)).containsOnly(Map.entry("ops", 7L));
    }

    @Test
    void withinFifoTakesEachDomainsOldest() {
        List<ReplayDraw> draws = index.sample(SampleRequest.of(6, ReplayStrategy.BALANCED)
                .withWithin(ReplayStrategy.FIFO), ReplayFixtures.random(6));
        // domains in name order, each its two oldest: code = items 0,1; ops = 6,7; web = 12,13
        assertThat(draws).extracting(ReplayDraw::id).containsExactly("item-00", "item-01", "item-06", "item-07",
                "item-12", "item-13");
        assertThat(draws).allMatch(draw -> draw.probability() == 1 && draw.weight() == 1);
    }

    @Test
    void nothingEligibleGivesNothing() {
        assertThat(new ReplayIndex(ReplayConfig.defaults()).sample(SampleRequest.of(5, ReplayStrategy.BALANCED),
                ReplayFixtures.random(7))).isEmpty();
        assertThat(index.sample(SampleRequest.of(5, ReplayStrategy.BALANCED)
                .withFilter(ReplayFilter.any().withAgent("nobody")), ReplayFixtures.random(8))).isEmpty();
    }

    private Map<String, Long> perDomain(List<ReplayDraw> draws) {
        return count(draws, draw -> domainOf.get(draw.id()));
    }

    private static Map<String, Long> perDomain(List<ReplayDraw> draws, ReplayIndex index) {
        return count(draws, draw -> index.find(draw.id()).orElseThrow().item().domain());
    }

    private static Map<String, Long> count(List<ReplayDraw> draws, Function<ReplayDraw, String> key) {
        Map<String, Long> counts = new HashMap<>();
        draws.forEach(draw -> counts.merge(key.apply(draw), 1L, Long::sum));
        return counts;
    }
}
