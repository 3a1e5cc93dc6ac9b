package dev.engram.domain.replay;

import static dev.engram.domain.replay.ReplayFixtures.item;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EvictionTest {

    @Test
    void oldestEvictsTheOldestByCreatedAtThenId() {
        ReplayIndex index = bounded(3, EvictionPolicy.OLDEST);
        index.add(item("b", 0, 9.0));
        index.add(item("a", 0, 9.0));
        index.add(item("c", 1, 0.1));
        Optional<ReplayEntry> evicted = index.add(item("d", 2, 0.1));
        assertThat(evicted).map(ReplayEntry::id).contains("a");
        assertThat(index.add(item("e", 3, 0.1))).map(ReplayEntry::id).contains("b");
        assertThat(ids(index)).containsExactly("c", "d", "e");
    }

    @Test
    void oldestDoesNotAdmitAnItemOlderThanEveryItemHeld() {
        ReplayIndex index = bounded(2, EvictionPolicy.OLDEST);
        index.add(item("x", 10, 1.0));
        index.add(item("y", 11, 1.0));
        Optional<ReplayEntry> evicted = index.add(item("ancient", 1, 5.0));
        assertThat(evicted).map(ReplayEntry::id).contains("ancient");
        assertThat(evicted.orElseThrow().replayCount()).isZero();
        assertThat(ids(index)).containsExactly("x", "y");
    }

    @Test
    void lowestPriorityEvictsTheEasiestTiesToTheOldest() {
        ReplayIndex index = bounded(3, EvictionPolicy.LOWEST_PRIORITY);
        index.add(item("hard", 0, 5.0));
        index.add(item("easy-new", 9, 0.5));
        index.add(item("easy-old", 2, 0.5));
        assertThat(index.add(item("mid", 10, 1.0))).map(ReplayEntry::id).contains("easy-old");
        assertThat(index.add(item("mid-2", 11, 1.0))).map(ReplayEntry::id).contains("easy-new");
        assertThat(ids(index)).containsExactlyInAnyOrder("hard", "mid", "mid-2");
    }

    @Test
    void lowestPriorityDoesNotAdmitAnItemEasierThanEveryItemHeld() {
        ReplayIndex index = bounded(2, EvictionPolicy.LOWEST_PRIORITY);
        index.add(item("a", 0, 2.0));
        index.add(item("b", 1, 3.0));
        assertThat(index.add(item("trivial", 5, 0.0))).map(ReplayEntry::id).contains("trivial");
        assertThat(ids(index)).containsExactly("a", "b");
    }

    @Test
    void lowestPriorityFollowsPriorityUpdates() {
        ReplayIndex index = bounded(3, EvictionPolicy.LOWEST_PRIORITY);
        index.add(item("a", 0, 1.0));
        index.add(item("b", 1, 2.0));
        index.add(item("c", 2, 3.0));
        index.updatePriority("c", 0.1);
        assertThat(index.add(item("d", 3, 1.5))).map(ReplayEntry::id).contains("c");
    }

    @Test
    void theEvictedEntryCarriesItsReplayCount() {
        ReplayIndex index = bounded(1, EvictionPolicy.OLDEST);
        index.add(item("a", 0, 1.0));
        index.sample(SampleRequest.of(3, ReplayStrategy.UNIFORM).withReplacement(true), ReplayFixtures.random(1));
        ReplayEntry evicted = index.add(item("b", 1, 1.0)).orElseThrow();
        assertThat(evicted.id()).isEqualTo("a");
        assertThat(evicted.replayCount()).isEqualTo(3);
        assertThat(index.stats().totalReplays()).isZero();
    }

    @Test
    void updatePrioritiesSkipsEvictedIdsAndReportsThem() {
        ReplayIndex index = bounded(2, EvictionPolicy.OLDEST);
        index.add(item("a", 0, 1.0));
        index.add(item("b", 1, 1.0));
        List<String> sampled = index.sample(SampleRequest.of(2, ReplayStrategy.FIFO), ReplayFixtures.random(2))
                .stream().map(ReplayDraw::id).collect(Collectors.toList());
        index.add(item("c", 2, 1.0));
        PriorityUpdateResult result = index.updatePriorities(Map.of(sampled.get(0), 4.0, sampled.get(1), 5.0));
        assertThat(result.updated()).isEqualTo(1);
        assertThat(result.skipped()).containsExactly("a");
        assertThat(index.find("b").orElseThrow().item().loss()).isEqualTo(5.0);
    }

    @Test
    void aLongRunAtCapacityKeepsExactlyTheNewestItems() {
        ReplayIndex index = bounded(1000, EvictionPolicy.OLDEST);
        List<String> evicted = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            index.add(item(String.format("i%05d", i), i, 1.0)).ifPresent(entry -> evicted.add(entry.id()));
            if (i % 997 == 0) {
                index.sample(SampleRequest.of(5, ReplayStrategy.PRIORITIZED), ReplayFixtures.random(i));
            }
        }
        assertThat(index.size()).isEqualTo(1000);
        assertThat(evicted).hasSize(9000).first().isEqualTo("i00000");
        assertThat(ids(index).get(0)).isEqualTo("i09000");
    }

    /** Thousands of adds in random order, many with equal losses and times: each eviction is what a model says. */
    @Test
    void evictionMatchesABruteForceModelThroughManyTies() {
        for (EvictionPolicy policy : EvictionPolicy.values()) {
            Comparator<ReplayItem> worstFirst = policy == EvictionPolicy.OLDEST
                    ? ItemOrder::compare
                    : Comparator.comparingDouble((ReplayItem i) -> i.loss() + ReplayConfig.DEFAULT_EPSILON)
                            .thenComparing(ItemOrder::compare);
            TreeSet<ReplayItem> model = new TreeSet<>(worstFirst);
            ReplayIndex index = bounded(100, policy);
            RandomGenerator random = ReplayFixtures.random(policy.ordinal());
            for (int i = 0; i < 3000; i++) {
                ReplayItem item = item("r" + random.nextInt(100_000), random.nextInt(50), random.nextInt(8) / 4.0);
                if (model.stream().anyMatch(kept -> kept.id().equals(item.id()))) {
                    assertThat(index.add(item)).isEmpty();
                    continue;
                }
                model.add(item);
                String expected = model.size() > 100 ? model.pollFirst().id() : null;
                assertThat(index.add(item).map(ReplayEntry::id).orElse(null)).as("add #%d, %s", i, policy)
                        .isEqualTo(expected);
            }
            assertThat(ids(index)).containsExactlyInAnyOrderElementsOf(
                    model.stream().map(ReplayItem::id).collect(Collectors.toList()));
        }
    }

    @Test
    void eachPresetEvictsAsItsStrategyDoes() {
        assertThat(ReplayPreset.FAST.eviction()).isEqualTo(EvictionPolicy.OLDEST);
        assertThat(ReplayPreset.STABLE.eviction()).isEqualTo(EvictionPolicy.LOWEST_PRIORITY);
        assertThat(ReplayPreset.PRIORITIZED.eviction()).isEqualTo(EvictionPolicy.LOWEST_PRIORITY);
        assertThat(ReplayPreset.BALANCED.eviction()).isEqualTo(EvictionPolicy.OLDEST);
        assertThat(EvictionPolicy.forStrategy(ReplayStrategy.RECENCY)).isEqualTo(EvictionPolicy.OLDEST);
        assertThat(EvictionPolicy.forStrategy(ReplayStrategy.FIFO)).isEqualTo(EvictionPolicy.OLDEST);
        assertThat(EvictionPolicy.forStrategy(ReplayStrategy.UNIFORM)).isEqualTo(EvictionPolicy.OLDEST);
        assertThat(ReplayConfig.forPreset(ReplayPreset.STABLE, 10).eviction())
                .isEqualTo(EvictionPolicy.LOWEST_PRIORITY);
    }

    @Test
    void presetsCarryTheirParameters() {
        SampleRequest stable = ReplayPreset.STABLE.request(32);
        assertThat(stable.strategy()).isEqualTo(ReplayStrategy.PRIORITIZED);
        assertThat(stable.alpha()).isEqualTo(0.6);
        assertThat(stable.beta()).isEqualTo(0.4);
        SampleRequest hard = ReplayPreset.PRIORITIZED.request(32);
        assertThat(hard.alpha()).isEqualTo(0.8);
        assertThat(hard.beta()).isEqualTo(0.6);
        assertThat(ReplayPreset.FAST.request(8).strategy()).isEqualTo(ReplayStrategy.UNIFORM);
        assertThat(ReplayPreset.BALANCED.request(8).strategy()).isEqualTo(ReplayStrategy.BALANCED);
        assertThat(ReplayPreset.parse(" Stable ")).contains(ReplayPreset.STABLE);
        assertThat(ReplayStrategy.parse("LIFO")).contains(ReplayStrategy.LIFO);
        assertThat(ReplayStrategy.parse("nope")).isEmpty();
    }

    private static ReplayIndex bounded(int capacity, EvictionPolicy policy) {
        return new ReplayIndex(ReplayConfig.defaults().withCapacity(capacity).withEviction(policy));
    }

    private static List<String> ids(ReplayIndex index) {
        return index.entries().map(ReplayEntry::id).collect(Collectors.toList());
    }
}
