package dev.engram.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.adapters.redis.harness.RedisServer;
import dev.engram.adapters.redis.harness.RedisServers;
import dev.engram.application.port.out.UpsertOutcome;
import dev.engram.application.query.TrajectoryFilter;
import dev.engram.application.query.TrajectoryPage;
import dev.engram.application.query.TrajectoryQuery;
import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import dev.engram.domain.trajectory.Outcome;
import dev.engram.domain.trajectory.Trajectory;
import dev.engram.testkit.Trajectories;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/** What the contract does not cover: bounded scans, retention, odd names, two processes, and Redis going away. */
class RedisTrajectoryStoreBehaviourIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private final List<AutoCloseable> open = new ArrayList<>();

    private RedisConfig config() {
        return RedisConfig.of(RedisServers.shared().uri()).withKeyPrefix("b" + UUID.randomUUID().toString().substring(0, 8));
    }

    private RedisBackend backend(RedisConfig config) {
        RedisBackend backend = new RedisBackend(config);
        open.add(backend);
        return backend;
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    @Test
    void aSelectiveFilterOverManyEntriesFillsItsPagesAcrossBoundedScriptCalls() {
        // a budget of 7 entries per call: the rare matches are found by several calls, and pages still come full
        RedisTrajectoryStore store = new RedisTrajectoryStore(backend(config()), Clock.systemUTC(), 7);
        List<Trajectory> all = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            all.add(Trajectories.of(String.format("t%03d", i), i % 2 == 0 ? "alice" : "bob", i % 10 == 0 ? "rare" : "common", "code",
                    i % 20 == 0 ? Outcome.FAILURE : Outcome.SUCCESS, (i % 5) / 4.0, Trajectories.T0.plusSeconds(i)));
        }
        store.upsert("ns", all, true).block(WAIT);
        TrajectoryFilter rareFailures = new TrajectoryFilter(null, null, "code", Outcome.FAILURE, null, null);
        TrajectoryPage first = store.query("ns", new TrajectoryQuery(rareFailures, TrajectoryQuery.Order.NEWEST_FIRST, 4, null)).block(WAIT);
        assertThat(first.items()).extracting(Trajectory::trajectoryId).containsExactly("t180", "t160", "t140", "t120");
        TrajectoryPage second = store.query("ns", new TrajectoryQuery(rareFailures, TrajectoryQuery.Order.NEWEST_FIRST, 4, first.nextCursor())).block(WAIT);
        assertThat(second.items()).extracting(Trajectory::trajectoryId).containsExactly("t100", "t080", "t060", "t040");
        assertThat(store.count("ns", rareFailures).block(WAIT)).isEqualTo(10);
        assertThat(store.count("ns", TrajectoryFilter.ALL).block(WAIT)).isEqualTo(200);
        assertThat(store.streamAll("ns").map(Trajectory::trajectoryId).collectList().block(WAIT))
                .containsExactlyElementsOf(all.stream().map(Trajectory::trajectoryId).collect(Collectors.toList()));
    }

    @Test
    void nanosecondsOrderExactly() {
        RedisTrajectoryStore store = new RedisTrajectoryStore(backend(config()));
        Instant t = Instant.parse("2026-11-01T00:00:00.000000001Z");
        store.upsert("ns", List.of(Trajectories.plain("b").createdAt(t.plusNanos(1)).build(), Trajectories.plain("a").createdAt(t.plusNanos(2)).build(),
                Trajectories.plain("c").createdAt(t).build(), Trajectories.plain("d").createdAt(Instant.parse("1969-12-31T23:59:59.5Z")).build()), true).block(WAIT);
        assertThat(store.streamAll("ns").map(Trajectory::trajectoryId).collectList().block(WAIT)).containsExactly("d", "c", "b", "a");
        assertThat(store.count("ns", new TrajectoryFilter(null, null, null, null, t.plusNanos(1), t.plusNanos(2))).block(WAIT)).isEqualTo(1);
    }

    @Test
    void namesWithBracesAndColonsStayInTheirNamespace() {
        RedisTrajectoryStore store = new RedisTrajectoryStore(backend(config()));
        String ns = "team:{x}";
        Trajectory t = Trajectories.plain("t1").agentId("ag:{1}").taskId("task } {").domain("d:*").build();
        assertThat(store.upsert(ns, List.of(t), true).block(WAIT)).extracting(UpsertOutcome::status).containsExactly(UpsertOutcome.Status.INSERTED);
        assertThat(store.get(ns, "t1").block(WAIT)).isEqualTo(t);
        assertThat(store.count(ns, new TrajectoryFilter("ag:{1}", "task } {", "d:*", null, null, null)).block(WAIT)).isEqualTo(1);
        assertThat(store.count("team:", TrajectoryFilter.ALL).block(WAIT)).isZero();
        assertThat(store.namespaces().collectList().block(WAIT)).containsExactly(ns);
        assertThat(store.deleteAgent(ns, "ag:{1}").block(WAIT)).isEqualTo(1);
    }

    @Test
    void aSecondProcessSeesWhatTheFirstWrote() {
        RedisConfig config = config();
        RedisTrajectoryStore one = new RedisTrajectoryStore(backend(config));
        RedisTrajectoryStore two = new RedisTrajectoryStore(backend(config));
        one.upsert("ns", List.of(Trajectories.plain("t1").build()), true).block(WAIT);
        assertThat(two.get("ns", "t1").block(WAIT)).isEqualTo(Trajectories.plain("t1").build());
        assertThat(two.changesSince("ns", 0, 10).collectList().block(WAIT)).hasSize(1);
        assertThat(two.upsert("ns", List.of(Trajectories.plain("t1").reward(0.3).build()), true).block(WAIT))
                .extracting(UpsertOutcome::status).containsExactly(UpsertOutcome.Status.CONFLICT);
    }

    @Test
    void withRetentionOlderTrajectoriesAreDroppedAsNewOnesArrive() {
        Instant now = Trajectories.T0.plus(Duration.ofDays(40));
        RedisTrajectoryStore store = new RedisTrajectoryStore(backend(config().withRetention(Duration.ofDays(30))),
                Clock.fixed(now, ZoneOffset.UTC), RedisTrajectoryStore.SCAN_BUDGET);
        store.upsert("ns", List.of(Trajectories.plain("old").createdAt(Trajectories.T0).build(),
                Trajectories.plain("new").createdAt(now.minusSeconds(5)).build()), true).block(WAIT);
        assertThat(store.get("ns", "old").block(WAIT)).isNull();
        assertThat(store.get("ns", "new").block(WAIT)).isNotNull();
        assertThat(store.changesSince("ns", 0, 10).collectList().block(WAIT)).extracting(c -> c.kind().name())
                .containsExactly("INSERT", "INSERT", "DELETE");
    }

    @Test
    void aCursorOfAnotherOrderIsRefusedNamingTheCursor() {
        RedisTrajectoryStore store = new RedisTrajectoryStore(backend(config()));
        store.upsert("ns", List.of(Trajectories.plain("a").build(), Trajectories.plain("b").build()), true).block(WAIT);
        String cursor = store.query("ns", new TrajectoryQuery(TrajectoryFilter.ALL, TrajectoryQuery.Order.OLDEST_FIRST, 1, null)).block(WAIT).nextCursor();
        assertThatThrownBy(() -> store.query("ns", new TrajectoryQuery(TrajectoryFilter.ALL, TrajectoryQuery.Order.REWARD_DESC, 1, cursor)).block(WAIT))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
        assertThatThrownBy(() -> store.query("ns", new TrajectoryQuery(TrajectoryFilter.ALL, TrajectoryQuery.Order.OLDEST_FIRST, 1, "%%%")).block(WAIT))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
    }

    @Test
    void redisGoingAwayIsBackendUnavailable_andItsReturnIsPickedUp() {
        try (RedisServer redis = RedisServers.start(RedisServers.Options.aof("always"))) {
            RedisTrajectoryStore store = new RedisTrajectoryStore(backend(RedisConfig.of(redis.uri()).withCommandTimeout(Duration.ofSeconds(2))));
            store.upsert("ns", List.of(Trajectories.plain("t1").build()), true).block(WAIT);
            redis.kill();
            assertThatThrownBy(() -> store.upsert("ns", List.of(Trajectories.plain("t2").build()), true).block(WAIT))
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BACKEND_UNAVAILABLE));
            assertThatThrownBy(() -> store.get("ns", "t1").block(WAIT))
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BACKEND_UNAVAILABLE));
            redis.restart();
            // the client reconnects by itself: ask again (for up to ten seconds) until it has
            Trajectory back = Mono.defer(() -> store.get("ns", "t1"))
                    .retryWhen(Retry.fixedDelay(100, Duration.ofMillis(100)).filter(DomainException.class::isInstance))
                    .block(WAIT.multipliedBy(2));
            assertThat(back).isEqualTo(Trajectories.plain("t1").build()); // appendfsync always: the acknowledged write survived kill -9
        }
    }
}
