package dev.engram.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.application.port.out.HotTier;
import dev.engram.application.port.out.TrajectoryStore;
import dev.engram.application.service.TieredTrajectoryStore;
import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import dev.engram.domain.trajectory.Trajectory;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The tiered store is a TrajectoryStore like any other, and its tier only ever holds what the long-term store does. */
class TieredTrajectoryStoreTest extends TrajectoryStoreContract {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Override
    protected TrajectoryStore createStore() {
        return new TieredTrajectoryStore(new InMemoryTrajectoryStore(), new InMemoryHotTier(3));
    }

    @Nested
    class TheTier {
        private final InMemoryTrajectoryStore longTerm = new InMemoryTrajectoryStore();
        private final InMemoryHotTier hot = new InMemoryHotTier(100);
        private final TieredTrajectoryStore tiered = new TieredTrajectoryStore(longTerm, hot);

        @Test
        void newTrajectoriesAreCopiedAfterTheLongTermStoreHasThem_andReadFromTheTier() {
            Trajectory t = Trajectories.plain("t1").build();
            tiered.upsert("ns", List.of(t), true).block(WAIT);
            assertThat(longTerm.get("ns", "t1").block(WAIT)).isEqualTo(t);
            assertThat(hot.getAll("ns", List.of("t1")).collectList().block(WAIT)).containsExactly(t);
            // the tier answers: a trajectory only the tier held would still be found (shown by deleting behind its back)
            longTerm.delete("ns", "t1").block(WAIT);
            assertThat(tiered.get("ns", "t1").block(WAIT)).isEqualTo(t);
        }

        @Test
        void aResendOrAConflictCopiesNothing() {
            tiered.upsert("ns", List.of(Trajectories.plain("t1").loss(0.5).build()), true).block(WAIT);
            hot.remove("ns", List.of("t1")).block(WAIT);
            tiered.upsert("ns", List.of(Trajectories.plain("t1").loss(0.9).build()), true).block(WAIT);
            tiered.upsert("ns", List.of(Trajectories.plain("t1").reward(0.2).build()), true).block(WAIT);
            assertThat(hot.getAll("ns", List.of("t1")).collectList().block(WAIT)).isEmpty();
            assertThat(tiered.get("ns", "t1").block(WAIT).loss()).isEqualTo(0.5);
        }

        @Test
        void lossUpdatesAndDeletesRemoveTheCopiesFirst() {
            tiered.upsert("ns", List.of(Trajectories.plain("a").build(), Trajectories.plain("b").agentId("bob").build(),
                    Trajectories.plain("old").createdAt(Instant.parse("2020-01-01T00:00:00Z")).build()), true).block(WAIT);
            tiered.updateLosses("ns", Map.of("a", 0.4)).block(WAIT);
            assertThat(hot.getAll("ns", List.of("a")).collectList().block(WAIT)).isEmpty();
            assertThat(tiered.get("ns", "a").block(WAIT).loss()).isEqualTo(0.4);
            tiered.deleteAgent("ns", "bob").block(WAIT);
            tiered.deleteOlderThan("ns", Instant.parse("2021-01-01T00:00:00Z")).block(WAIT);
            assertThat(hot.getAll("ns", List.of("b", "old")).collectList().block(WAIT)).isEmpty();
            assertThat(tiered.getAll("ns", List.of("a", "b", "old")).collectList().block(WAIT)).extracting(Trajectory::trajectoryId).containsExactly("a");
        }

        @Test
        void aTierThatCannotBeReachedIsACacheMissForReadsAndFills_butAChangeFailsRatherThanLeaveAStaleCopy() {
            TieredTrajectoryStore broken = new TieredTrajectoryStore(longTerm, new UnreachableTier());
            Trajectory t = Trajectories.plain("t1").build();
            broken.upsert("ns", List.of(t), true).block(WAIT);
            assertThat(broken.get("ns", "t1").block(WAIT)).isEqualTo(t);
            assertThatThrownBy(() -> broken.updateLosses("ns", Map.of("t1", 0.3)).block(WAIT))
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BACKEND_UNAVAILABLE));
            assertThat(longTerm.get("ns", "t1").block(WAIT).loss()).isNull();
        }
    }

    private static final class UnreachableTier implements HotTier {
        private static <T> Mono<T> down() {
            return Mono.error(new DomainException(ErrorCode.BACKEND_UNAVAILABLE, "hot tier down"));
        }

        @Override
        public Mono<Void> put(String namespace, List<Trajectory> stored) {
            return down();
        }

        @Override
        public Flux<Trajectory> getAll(String namespace, List<String> trajectoryIds) {
            return Flux.error(new DomainException(ErrorCode.BACKEND_UNAVAILABLE, "hot tier down"));
        }

        @Override
        public Flux<Trajectory> recent(String namespace, String agentId, int limit) {
            return getAll(namespace, List.of());
        }

        @Override
        public Flux<Trajectory> best(String namespace, String agentId, int limit) {
            return getAll(namespace, List.of());
        }

        @Override
        public Mono<Void> remove(String namespace, Collection<String> trajectoryIds) {
            return down();
        }

        @Override
        public Mono<Void> removeAgent(String namespace, String agentId) {
            return down();
        }

        @Override
        public Mono<Void> removeOlderThan(String namespace, Instant cutoff) {
            return down();
        }
    }
}
