package dev.engram.domain.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.domain.trajectory.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Same seed and same contents ⇒ the same batch, whatever order the items were added in. */
class DeterminismTest {

    static Stream<Arguments> requests() {
        ReplayFilter oneDimension = ReplayFilter.any().withDomain("ops");
        ReplayFilter combined = ReplayFilter.any().withAgent("beta").withOutcome(Outcome.SUCCESS);
        List<Arguments> requests = new ArrayList<>();
        for (ReplayStrategy strategy : ReplayStrategy.values()) {
            for (boolean replacement : new boolean[] {true, false}) {
                for (ReplayFilter filter : List.of(ReplayFilter.any(), oneDimension, combined)) {
                    requests.add(Arguments.of(SampleRequest.of(200, strategy).withReplacement(replacement)
                            .withFilter(filter).withHalfLife(Duration.ofHours(30)).withWithin(ReplayStrategy.MIXED)));
                }
            }
        }
        return requests.stream();
    }

    @ParameterizedTest
    @MethodSource("requests")
    void twoIndexesFilledInDifferentOrdersGiveIdenticalBatches(SampleRequest request) {
        List<ReplayItem> items = manyItems();
        List<ReplayItem> shuffled = new ArrayList<>(items);
        Collections.shuffle(shuffled, new Random(99));
        List<ReplayItem> reversed = new ArrayList<>(items);
        Collections.reverse(reversed);
        ReplayIndex inOrder = ReplayFixtures.indexOf(items);
        ReplayIndex inShuffledOrder = ReplayFixtures.indexOf(shuffled);
        ReplayIndex inReverseOrder = ReplayFixtures.indexOf(reversed);
        List<ReplayDraw> expected = inOrder.sample(request, ReplayFixtures.random(42));
        assertThat(expected).isNotEmpty();
        assertThat(inShuffledOrder.sample(request, ReplayFixtures.random(42))).isEqualTo(expected);
        assertThat(inReverseOrder.sample(request, ReplayFixtures.random(42))).isEqualTo(expected);
    }

    @Test
    void treesBuiltBeforeFurtherInOrderAddsGiveWhatAFreshIndexGives() {
        List<ReplayItem> items = manyItems();
        items.sort(ItemOrder::compare); // in order, so the built trees are kept and grown, not dropped
        ReplayIndex grown = ReplayFixtures.indexOf(items.subList(0, 300));
        SampleRequest prioritized = SampleRequest.of(300, ReplayStrategy.PRIORITIZED).withReplacement(true);
        SampleRequest recency = SampleRequest.of(300, ReplayStrategy.RECENCY).withReplacement(true)
                .withFilter(ReplayFilter.any().withAgent("gamma"));
        grown.sample(prioritized, ReplayFixtures.random(1));
        grown.sample(recency, ReplayFixtures.random(1));
        items.subList(300, items.size()).forEach(grown::add);
        ReplayIndex fresh = ReplayFixtures.indexOf(items);
        assertThat(grown.sample(prioritized, ReplayFixtures.random(2)))
                .isEqualTo(fresh.sample(prioritized, ReplayFixtures.random(2)));
        assertThat(grown.sample(recency, ReplayFixtures.random(3)))
                .isEqualTo(fresh.sample(recency, ReplayFixtures.random(3)));
    }

    @Test
    void differentSeedsGiveDifferentBatches() {
        ReplayIndex index = ReplayFixtures.indexOf(manyItems());
        SampleRequest request = SampleRequest.of(50, ReplayStrategy.PRIORITIZED);
        assertThat(index.sample(request, ReplayFixtures.random(1)))
                .isNotEqualTo(index.sample(request, ReplayFixtures.random(2)));
    }

    /** The generator is named, not a JDK default: the same seed gives the same numbers on every JDK. */
    @Test
    void theGeneratorIsL64X128MixRandom() {
        assertThat(ReplayRandom.ALGORITHM).isEqualTo("L64X128MixRandom");
        assertThat(ReplayRandom.seeded(7).nextLong()).isEqualTo(
                java.util.random.RandomGeneratorFactory.of("L64X128MixRandom").create(7).nextLong());
    }

    /** 600 items, times with collisions (so the id breaks ties), every dimension varied. */
    private static List<ReplayItem> manyItems() {
        String[] agents = {"alpha", "beta", "gamma"};
        String[] domains = {"code", "ops", "web", "math"};
        List<ReplayItem> items = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            items.add(ReplayFixtures.item(String.format("t%03d", i), (i * 7L) % 500, agents[i % 3],
                    "task-" + (i % 5), domains[(i / 3) % 4], Outcome.values()[(i / 2) % 3], (i * 31 % 97) / 10.0));
        }
        return items;
    }
}
