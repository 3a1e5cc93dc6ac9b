package dev.engram.domain.replay;

import static dev.engram.domain.replay.ReplayFixtures.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import dev.engram.domain.error.Violation;
import dev.engram.domain.trajectory.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Every bad argument is a DomainException of code invalid_argument naming its field — never an NPE or IAE. */
class ArgumentValidationTest {

    private static final Instant NOW = ReplayFixtures.T0;
    private final SampleRequest valid = SampleRequest.of(10, ReplayStrategy.PRIORITIZED);
    private final ReplayIndex index = new ReplayIndex(ReplayConfig.defaults());

    @Test
    void sampleRequest() {
        assertField(() -> valid.withN(0), "n");
        assertField(() -> valid.withN(SampleRequest.MAX_N + 1), "n");
        assertField(() -> SampleRequest.of(1, null), "strategy");
        assertField(() -> valid.withAlpha(-0.1), "alpha");
        assertField(() -> valid.withAlpha(Double.NaN), "alpha");
        assertField(() -> valid.withAlpha(Double.POSITIVE_INFINITY), "alpha");
        assertField(() -> valid.withBeta(1.01), "beta");
        assertField(() -> valid.withBeta(-0.01), "beta");
        assertField(() -> valid.withBeta(Double.NaN), "beta");
        assertField(() -> valid.withHalfLife(Duration.ZERO), "half_life");
        assertField(() -> valid.withHalfLife(Duration.ofSeconds(-5)), "half_life");
        assertField(() -> valid.withHalfLife(null), "half_life");
        assertField(() -> valid.withMix(1.5), "mix");
        assertField(() -> valid.withMix(Double.NaN), "mix");
        assertField(() -> valid.withWithin(ReplayStrategy.BALANCED), "within");
        assertField(() -> valid.withWithin(null), "within");
        assertThat(valid.withFilter(null).filter()).isEqualTo(ReplayFilter.any());
    }

    @Test
    void aRequestReportsEveryBadComponentAtOnce() {
        assertThatThrownBy(() -> new SampleRequest(0, null, -1, 2, Duration.ZERO, -1, ReplayStrategy.BALANCED, false,
                null)).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field)
                        .containsExactly("n", "strategy", "alpha", "beta", "half_life", "mix", "within"));
    }

    @Test
    void replayItem() {
        assertField(() -> new ReplayItem(null, NOW, "a", "t", "d", Outcome.SUCCESS, 1.0), "id");
        assertField(() -> new ReplayItem(" ", NOW, "a", "t", "d", Outcome.SUCCESS, 1.0), "id");
        assertField(() -> new ReplayItem("i", null, "a", "t", "d", Outcome.SUCCESS, 1.0), "created_at");
        assertField(() -> new ReplayItem("i", NOW, "", "t", "d", Outcome.SUCCESS, 1.0), "agent_id");
        assertField(() -> new ReplayItem("i", NOW, "a", null, "d", Outcome.SUCCESS, 1.0), "task_id");
        assertField(() -> new ReplayItem("i", NOW, "a", "t", null, Outcome.SUCCESS, 1.0), "domain");
        assertField(() -> new ReplayItem("i", NOW, "a", "t", "d", null, 1.0), "outcome");
        assertField(() -> new ReplayItem("i", NOW, "a", "t", "d", Outcome.SUCCESS, -1.0), "loss");
        assertField(() -> new ReplayItem("i", NOW, "a", "t", "d", Outcome.SUCCESS, Double.NaN), "loss");
        assertField(() -> new ReplayItem("i", NOW, "a", "t", "d", Outcome.SUCCESS, Double.POSITIVE_INFINITY), "loss");
    }

    @Test
    void entryFilterAndConfig() {
        ReplayItem item = item("i", 0, 1.0);
        assertField(() -> new ReplayEntry(null, 1, 0), "item");
        assertField(() -> new ReplayEntry(item, 0, 0), "priority");
        assertField(() -> new ReplayEntry(item, Double.NaN, 0), "priority");
        assertField(() -> new ReplayEntry(item, 1, -1), "replay_count");
        assertField(() -> ReplayFilter.any().withAgent(" "), "filter.agent_id");
        assertField(() -> ReplayFilter.any().withTask(""), "filter.task_id");
        assertField(() -> ReplayFilter.any().withDomain("\t"), "filter.domain");
        assertField(() -> ReplayConfig.defaults().withCapacity(0), "capacity");
        assertField(() -> ReplayConfig.defaults().withEviction(null), "eviction");
        assertField(() -> ReplayConfig.defaults().withEpsilon(0), "epsilon");
        assertField(() -> ReplayConfig.defaults().withEpsilon(Double.NaN), "epsilon");
        assertField(() -> ReplayConfig.defaults().withWeightingCacheSize(1), "weighting_cache_size");
        assertField(() -> ReplayConfig.defaults().withWeightingCacheSize(65), "weighting_cache_size");
    }

    @Test
    void indexOperations() {
        assertField(() -> new ReplayIndex(null), "config");
        assertField(() -> index.add(null), "item");
        assertField(() -> index.remove(null), "id");
        assertField(() -> index.contains(""), "id");
        assertField(() -> index.find(null), "id");
        assertField(() -> index.updatePriority(null, 1.0), "id");
        assertField(() -> index.updatePriority("x", -2.0), "loss");
        assertField(() -> index.updatePriority("x", Double.NaN), "loss");
        assertField(() -> index.updatePriorities(null), "losses");
        Map<String, Double> bad = new HashMap<>();
        bad.put("ok", 1.0);
        bad.put("negative", -1.0);
        assertField(() -> index.updatePriorities(bad), "losses[negative]");
        Map<String, Double> missing = new HashMap<>();
        missing.put("x", null);
        assertField(() -> index.updatePriorities(missing), "losses[x]");
        Map<String, Double> noId = new HashMap<>();
        noId.put(null, 1.0);
        assertField(() -> index.updatePriorities(noId), "losses");
        assertField(() -> index.sample(null, ReplayFixtures.random(1)), "request");
        assertField(() -> index.sample(valid, null), "random");
        assertField(() -> index.top(0, null), "k");
        assertField(() -> index.top(SampleRequest.MAX_N + 1, null), "k");
    }

    @Test
    void aBadBatchOfPrioritiesChangesNothing() {
        index.add(item("ok", 0, 1.0));
        Map<String, Double> losses = new HashMap<>();
        losses.put("ok", 5.0);
        losses.put("bad", Double.NaN);
        assertField(() -> index.updatePriorities(losses), "losses[bad]");
        assertThat(index.find("ok").orElseThrow().item().loss()).isEqualTo(1.0);
    }

    @Test
    void restore() {
        ReplayEntry first = new ReplayEntry(item("a", 0, 1.0), 1, 0);
        ReplayEntry second = new ReplayEntry(item("b", 1, 1.0), 1, 0);
        ReplayEntry sameIdLater = new ReplayEntry(item("a", 2, 1.0), 1, 0);
        ReplayConfig config = ReplayConfig.defaults();
        assertField(() -> ReplayIndex.restore(config, null), "entries");
        assertField(() -> ReplayIndex.restore(null, List.of()), "config");
        assertField(() -> ReplayIndex.restore(config, List.of(second, first)), "entries[1]");
        assertField(() -> ReplayIndex.restore(config, List.of(first, first)), "entries[1]");
        assertField(() -> ReplayIndex.restore(config, List.of(first, second, sameIdLater)), "entries[2].id");
        assertField(() -> ReplayIndex.restore(config.withCapacity(1), List.of(first, second)), "entries");
        assertField(() -> ReplayIndex.restore(config, java.util.Arrays.asList(first, null)), "entries[1]");
    }

    @Test
    void snapshotCodec() {
        assertField(() -> ReplaySnapshotCodec.write(null, 0, new java.io.DataOutputStream(
                java.io.OutputStream.nullOutputStream())), "index");
        assertField(() -> ReplaySnapshotCodec.write(index, 0, null), "out");
        assertField(() -> ReplaySnapshotCodec.read(null), "in");
    }

    private static void assertField(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).startsWith(field);
        });
    }
}
