package dev.engram.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.application.config.BufferPolicy;
import dev.engram.application.config.ConfigSection;
import dev.engram.application.config.EngramSettings;
import dev.engram.application.port.in.InputItem;
import dev.engram.application.port.in.RecordCommand;
import dev.engram.application.port.in.RecordReport;
import dev.engram.application.port.in.RecordReport.Status;
import dev.engram.application.port.in.StatisticsQuery;
import dev.engram.application.port.in.StatisticsReport;
import dev.engram.application.port.out.Clock;
import dev.engram.application.port.out.ExperienceLog;
import dev.engram.application.port.out.RandomSource;
import dev.engram.application.port.out.TrajectoryStore;
import dev.engram.application.query.TrajectoryFilter;
import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.memory.ApproximateTokenCounter;
import dev.engram.domain.replay.ReplayRandom;
import dev.engram.domain.trajectory.Outcome;
import dev.engram.domain.trajectory.Trajectory;
import dev.engram.domain.trajectory.TrajectoryWriter;
import dev.engram.testkit.InMemoryExperienceLog;
import dev.engram.testkit.InMemoryMemoryStore;
import dev.engram.testkit.InMemoryReplaySnapshotStore;
import dev.engram.testkit.InMemoryTrajectoryStore;
import dev.engram.testkit.Trajectories;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The write buffer's mechanism over the in-memory fakes: record into the log, drain into the store, faults. */
class WriteBufferTest {
    private static final String NS = "default";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final InMemoryTrajectoryStore longTerm = new InMemoryTrajectoryStore();
    private final AtomicBoolean storeDown = new AtomicBoolean();
    private final TrajectoryStore store = flaky(longTerm, storeDown);
    private final InMemoryMemoryStore memories = new InMemoryMemoryStore();
    private final InMemoryExperienceLog log = new InMemoryExperienceLog();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-01T00:00:00Z"));

    /** The store, with upserts failing as an unreachable backend's while {@code down} is set. */
    private static TrajectoryStore flaky(TrajectoryStore store, AtomicBoolean down) {
        return (TrajectoryStore) Proxy.newProxyInstance(WriteBufferTest.class.getClassLoader(), new Class<?>[] {TrajectoryStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("upsert") && down.get()) {
                        return Mono.error(new DomainException(ErrorCode.BACKEND_UNAVAILABLE, "the long-term store is down"));
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private EngramServices services(BufferPolicy policy) {
        EngramSettings settings = EngramSettings.from(ConfigSection.root(JsonObject.EMPTY), Set.of());
        Clock clock = now::get;
        RandomSource random = seed -> ReplayRandom.seeded(seed == null ? 42 : seed);
        return new EngramServices(settings, store, memories, new HeuristicConsolidator(), new InMemoryReplaySnapshotStore(),
                ApproximateTokenCounter.INSTANCE, clock, random, log, policy);
    }

    private final EngramServices services = services(BufferPolicy.DEFAULTS.withClaimIdle(Duration.ofMillis(30)));

    private static Trajectory run(String id, String agent, double reward) {
        return Trajectories.of(id, agent, "task", "code", Outcome.fromScore(reward), reward, Trajectories.T0);
    }

    private static RecordReport record(EngramServices services, boolean partial, Trajectory... ts) {
        List<InputItem> items = new ArrayList<>();
        for (int i = 0; i < ts.length; i++) {
            items.add(new InputItem(i, i + 1, TrajectoryWriter.toJson(ts[i]), null));
        }
        return services.record().record(new RecordCommand(NS, items, partial, null)).block(WAIT);
    }

    private static List<Status> statuses(RecordReport report) {
        return report.items().stream().map(RecordReport.ItemResult::status).toList();
    }

    private long stored() {
        return longTerm.count(NS, TrajectoryFilter.ALL).block(WAIT);
    }

    @Test
    void aBufferedRecordIsAcknowledgedInTheLog_andTheWorkerMovesItToTheStore_teachingTheMemory() {
        assertThat(statuses(record(services, false, run("t1", "alice", 0.9), run("t2", "bob", 0.1)))).containsExactly(Status.STORED, Status.STORED);
        assertThat(stored()).as("not yet in the long-term store").isZero();
        assertThat(services.statistics().statistics(new StatisticsQuery(NS, null, null, null)).block(WAIT).buffer())
                .isEqualTo(new StatisticsReport.BufferStatus(2, 0));

        WriteBehindWorker worker = services.worker("w1");
        assertThat(worker.drain()).isEqualTo(2);
        assertThat(stored()).isEqualTo(2);
        assertThat(services.showMemory().show(NS, "alice").block(WAIT).state().totalEpisodes()).isEqualTo(1);
        assertThat(services.statistics().statistics(new StatisticsQuery(NS, null, null, null)).block(WAIT).buffer())
                .isEqualTo(new StatisticsReport.BufferStatus(0, 0));
        WriteBufferMetrics.Snapshot m = services.bufferMetrics().snapshot();
        assertThat(m.appended()).isEqualTo(2);
        assertThat(m.inserted()).isEqualTo(2);
        assertThat(m.acknowledged()).isEqualTo(2);
        assertThat(m.batches()).isEqualTo(1);
    }

    @Test
    void aChangedIdIsRefusedAtRecord_whetherItIsStillInTheLogOrAlreadyInTheStore() {
        record(services, false, run("t1", "alice", 0.9));
        assertThat(statuses(record(services, false, run("t1", "alice", 0.2), run("t2", "alice", 0.5))))
                .as("in the log only").containsExactly(Status.CONFLICT, Status.NOT_STORED);
        services.worker("w1").drain();
        assertThat(statuses(record(services, true, run("t1", "alice", 0.2), run("t3", "alice", 0.5))))
                .as("in the store").containsExactly(Status.CONFLICT, Status.STORED);
        // stored before the buffer was configured (or while it was down): the store's hashes are checked too
        longTerm.upsert(NS, List.of(run("direct", "carol", 0.7)), true).block(WAIT);
        assertThat(statuses(record(services, true, run("direct", "carol", 0.1)))).containsExactly(Status.CONFLICT);
        assertThat(statuses(record(services, true, run("direct", "carol", 0.7)))).containsExactly(Status.UNCHANGED);
        services.worker("w1").drain();
        assertThat(stored()).isEqualTo(3);
        assertThat(longTerm.get(NS, "t1").block(WAIT).reward()).isEqualTo(0.9);
        assertThat(log.deadLetters(10).collectList().block(WAIT)).isEmpty();
    }

    @Test
    void durableAckWritesTheStoreBeforeAcknowledging() {
        EngramServices durable = services(BufferPolicy.DEFAULTS.withAck(BufferPolicy.Ack.DURABLE));
        assertThat(statuses(record(durable, false, run("t1", "alice", 0.9)))).containsExactly(Status.STORED);
        assertThat(stored()).isEqualTo(1);
        assertThat(durable.showMemory().show(NS, "alice").block(WAIT).state().totalEpisodes()).isEqualTo(1);
        durable.worker("w1").drain();
        assertThat(stored()).isEqualTo(1);
        assertThat(durable.showMemory().show(NS, "alice").block(WAIT).state().totalEpisodes()).as("never double-counted").isEqualTo(1);
    }

    @Test
    void withTheLogDown_recordsGoStraightToTheStore_andTheBufferResumesByItselfAfterFallbackRetry() {
        log.available(false);
        assertThat(statuses(record(services, false, run("t1", "alice", 0.9)))).containsExactly(Status.STORED);
        assertThat(stored()).as("durably in the long-term store at once").isEqualTo(1);
        log.available(true);
        record(services, false, run("t2", "alice", 0.9));
        assertThat(stored()).as("still falling back within fallback_retry").isEqualTo(2);
        now.set(now.get().plus(BufferPolicy.DEFAULTS.fallbackRetry()).plusMillis(1));
        record(services, false, run("t3", "alice", 0.9));
        assertThat(stored()).as("buffered again").isEqualTo(2);
        assertThat(log.size()).isEqualTo(1);
        WriteBufferMetrics.Snapshot m = services.bufferMetrics().snapshot();
        assertThat(m.fellBack()).isEqualTo(2);
        assertThat(m.logUnavailable()).isEqualTo(1);
        services.worker("w1").drain();
        assertThat(stored()).isEqualTo(3);
    }

    @Test
    void withTheLongTermStoreDownToo_recordingFailsAsBackendUnavailable() {
        log.available(false);
        storeDown.set(true);
        assertThatThrownBy(() -> record(services, false, run("t1", "alice", 0.9)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BACKEND_UNAVAILABLE));
    }

    @Test
    void aStoreFailureAcknowledgesNothing_andTheNextStepStoresTheBatchOnce() {
        for (int i = 0; i < 10; i++) {
            record(services, false, run("t" + i, "agent-" + (i % 3), 0.5));
        }
        WriteBehindWorker worker = services.worker("w1");
        storeDown.set(true);
        assertThatThrownBy(() -> worker.step(Duration.ofMillis(10))).isInstanceOf(DomainException.class);
        assertThat(log.backlog(BufferPolicy.DEFAULTS.group()).block(WAIT).pending()).as("read, not acknowledged").isEqualTo(10);
        storeDown.set(false);
        assertThat(worker.drain()).isEqualTo(10);
        assertThat(stored()).isEqualTo(10);
        assertThat(log.backlog(BufferPolicy.DEFAULTS.group()).block(WAIT)).isEqualTo(new ExperienceLog.Backlog(0, 0));
        assertThat(services.bufferMetrics().snapshot().failures()).isEqualTo(1);
    }

    @Test
    void entriesOfAWorkerThatDiedAreClaimedByAnother_afterClaimIdle_andStoredOnce() throws InterruptedException {
        for (int i = 0; i < 25; i++) {
            record(services, false, run("t" + i, "agent-" + (i % 4), 0.5));
        }
        // a worker read a batch and died before storing it
        log.read(BufferPolicy.DEFAULTS.group(), "dead-worker", 20, Duration.ZERO).block(WAIT);
        Thread.sleep(60);
        WriteBehindWorker rescuer = services.worker("rescuer");
        assertThat(rescuer.drain()).isEqualTo(25);
        assertThat(stored()).isEqualTo(25);
        assertThat(services.bufferMetrics().snapshot().claimed()).isEqualTo(20);
        assertThat(log.backlog(BufferPolicy.DEFAULTS.group()).block(WAIT)).isEqualTo(new ExperienceLog.Backlog(0, 0));
    }

    @Test
    void aWorkerThatCrashedAfterStoringBeforeAcknowledging_storesNothingTwice() {
        record(services, false, run("t1", "alice", 0.9), run("t2", "alice", 0.4));
        ExperienceLog.Delivery read = log.read(BufferPolicy.DEFAULTS.group(), "w1", 10, Duration.ZERO).block(WAIT);
        longTerm.upsert(NS, read.entries().stream().map(ExperienceLog.Entry::trajectory).toList(), false).block(WAIT);
        // restarted under the same name: its own pending entries first; the upserts are unchanged, then acknowledged
        WriteBehindWorker restarted = services.worker("w1");
        assertThat(restarted.drain()).isEqualTo(2);
        assertThat(stored()).isEqualTo(2);
        assertThat(services.bufferMetrics().snapshot().inserted()).isZero();
        assertThat(log.backlog(BufferPolicy.DEFAULTS.group()).block(WAIT).pending()).isZero();
    }

    @Test
    void undecodableAndConflictingEntriesAreDeadLettered_withTheirReasons_theRestStored() {
        record(services, false, run("t1", "alice", 0.9));
        String foreign = log.appendForeign(Map.of("payload", "from a newer version"));
        // written to the long-term store behind the buffer's back with other content (e.g. while it was down)
        record(services, false, run("t2", "alice", 0.9));
        longTerm.upsert(NS, List.of(run("t2", "alice", 0.3)), true).block(WAIT);
        record(services, false, run("t3", "bob", 0.5));
        assertThat(services.worker("w1").drain()).isEqualTo(4);
        assertThat(stored()).isEqualTo(3);
        List<ExperienceLog.DeadLetter> dead = log.deadLetters(10).collectList().block(WAIT);
        assertThat(dead).hasSize(2);
        assertThat(dead).anySatisfy(d -> {
            assertThat(d.entryId()).isEqualTo(foreign);
            assertThat(d.fields()).containsEntry("payload", "from a newer version");
        });
        assertThat(dead).anySatisfy(d -> assertThat(d.reason()).contains("'t2'").contains("other content"));
        assertThat(log.backlog(BufferPolicy.DEFAULTS.group()).block(WAIT)).isEqualTo(new ExperienceLog.Backlog(0, 0));
        assertThat(services.bufferMetrics().snapshot().deadLettered()).isEqualTo(2);
    }

    @Test
    void runStopsAfterTheBatchInHand() throws Exception {
        for (int i = 0; i < 5; i++) {
            record(services, false, run("t" + i, "alice", 0.5));
        }
        WriteBehindWorker worker = services(BufferPolicy.DEFAULTS.withInterval(Duration.ofMillis(20))).worker("w1");
        Thread thread = new Thread(worker::run);
        thread.start();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (stored() < 5 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        worker.stop();
        thread.join(WAIT.toMillis());
        assertThat(thread.isAlive()).isFalse();
        assertThat(stored()).isEqualTo(5);
    }

    @Test
    void withoutABufferThereIsNoWorker() {
        EngramServices direct = new EngramServices(EngramSettings.from(ConfigSection.root(JsonObject.EMPTY), Set.of()), store, memories,
                new HeuristicConsolidator(), new InMemoryReplaySnapshotStore(), ApproximateTokenCounter.INSTANCE, now::get,
                seed -> ReplayRandom.seeded(1));
        assertThat(direct.buffered()).isFalse();
        assertThatThrownBy(() -> direct.worker("w")).isInstanceOf(DomainException.class).hasMessageContaining("no write buffer");
    }
}
