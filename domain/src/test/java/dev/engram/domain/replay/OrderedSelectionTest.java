package dev.engram.domain.replay;

import static dev.engram.domain.replay.ReplayFixtures.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.domain.trajectory.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderedSelectionTest {

    private final ReplayIndex index = new ReplayIndex(ReplayConfig.defaults());

    OrderedSelectionTest() {
        index.add(item("c", 3, "x", "t", "code", Outcome.SUCCESS, 0.3));
        index.add(item("a", 1, "y", "t", "code", Outcome.FAILURE, 5.0));
        index.add(item("e", 5, "x", "t", "web", Outcome.FAILURE, 5.0));
        index.add(item("b", 2, "x", "t", "web", Outcome.SUCCESS, 0.1));
        index.add(item("d", 4, "y", "t", "web", Outcome.FAILURE, 2.0));
        index.add(item("b2", 2, "x", "t", "code", Outcome.FAILURE, 1.0)); // same time as "b": the id breaks the tie
    }

    @Test
    void fifoListsTheOldestFirst() {
        assertThat(ids(sample(ReplayStrategy.FIFO, 4, ReplayFilter.any()))).containsExactly("a", "b", "b2", "c");
        assertThat(ids(sample(ReplayStrategy.FIFO, 9, ReplayFilter.any().withAgent("x"))))
                .containsExactly("b", "b2", "c", "e");
    }

    @Test
    void lifoListsTheNewestFirst() {
        assertThat(ids(sample(ReplayStrategy.LIFO, 3, ReplayFilter.any()))).containsExactly("e", "d", "c");
        assertThat(ids(sample(ReplayStrategy.LIFO, 9, ReplayFilter.any().withDomain("web")
                .withOutcome(Outcome.FAILURE)))).containsExactly("e", "d");
    }

    @Test
    void topListsTheHighestPrioritiesFirstTiesToTheOlder() {
        assertThat(ids(sample(ReplayStrategy.TOP, 4, ReplayFilter.any()))).containsExactly("a", "e", "d", "b2");
        assertThat(ids(sample(ReplayStrategy.TOP, 2, ReplayFilter.any().withAgent("x")))).containsExactly("e", "b2");
        assertThat(ids(sample(ReplayStrategy.TOP, 9, ReplayFilter.any().withAgent("x").withDomain("code"))))
                .containsExactly("b2", "c");
    }

    @Test
    void listingsReportProbabilityAndWeightOne() {
        for (ReplayStrategy strategy : List.of(ReplayStrategy.FIFO, ReplayStrategy.LIFO, ReplayStrategy.TOP)) {
            assertThat(index.sample(SampleRequest.of(6, strategy).withReplacement(true), ReplayFixtures.random(1)))
                    .hasSize(6).allMatch(draw -> draw.probability() == 1 && draw.weight() == 1);
        }
    }

    @Test
    void listingsSkipRemovedItems() {
        index.remove("a");
        index.remove("e");
        assertThat(ids(sample(ReplayStrategy.FIFO, 2, ReplayFilter.any()))).containsExactly("b", "b2");
        assertThat(ids(sample(ReplayStrategy.LIFO, 1, ReplayFilter.any()))).containsExactly("d");
        assertThat(ids(sample(ReplayStrategy.TOP, 1, ReplayFilter.any()))).containsExactly("d");
        assertThat(ids(sample(ReplayStrategy.TOP, 1, ReplayFilter.any().withOutcome(Outcome.FAILURE))))
                .containsExactly("d");
    }

    private List<ReplayDraw> sample(ReplayStrategy strategy, int n, ReplayFilter filter) {
        return index.sample(SampleRequest.of(n, strategy).withFilter(filter), ReplayFixtures.random(0));
    }

    private static List<String> ids(List<ReplayDraw> draws) {
        return draws.stream().map(ReplayDraw::id).toList();
    }
}
