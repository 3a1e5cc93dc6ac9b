package dev.engram.adapters.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.model.Filters;
import dev.engram.adapters.mongo.harness.FaultyLink;
import dev.engram.adapters.mongo.harness.MongoStandIn;
import dev.engram.application.port.out.Change;
import dev.engram.application.port.out.UpsertOutcome;
import dev.engram.application.port.out.UpsertOutcome.Status;
import dev.engram.application.query.TrajectoryFilter;
import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.trajectory.Trajectory;
import dev.engram.testkit.Trajectories;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * MongoDB going away under a write. Without transactions a batch cut part-way leaves a prefix; the same batch sent
 * again completes it, with every trajectory stored once and logged once, and the failure itself is "backend
 * unavailable". The link is cut after a growing number of wire messages, so the cut falls between every pair of
 * steps of an upsert (a bounded set of points: 12 cuts of a 40-item batch in chunks of 8).
 */
class MongoFaultsTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String NS = "ns";

    private static List<Trajectory> batch(int size) {
        List<Trajectory> out = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            out.add(Trajectories.of(String.format("b%03d", i), "agent-" + (i % 3), "task", "code", dev.engram.domain.trajectory.Outcome.SUCCESS,
                    0.5, Trajectories.T0.plusSeconds(i)));
        }
        return out;
    }

    @Test
    void aBatchCutPartWayLeavesAPrefix_andTheSameBatchAgainCompletesItWithoutDuplicates() throws Exception {
        List<Trajectory> batch = batch(40);
        List<String> ids = batch.stream().map(Trajectory::trajectoryId).collect(Collectors.toList());
        try (MongoStandIn mongo = MongoStandIn.start(); FaultyLink link = new FaultyLink(mongo.host(), mongo.port())) {
            int failures = 0;
            int strictPrefixes = 0;
            int unloggedLeft = 0;
            for (int cutAfter = 1; cutAfter <= 34; cutAfter += 3) {
                boolean atomic = cutAfter % 2 == 0;
                MongoConfig config = MongoConfig.of(link.uri(), MongoStandIn.freshDatabaseName()).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));
                try (MongoBackend backend = new MongoBackend(config)) {
                    backend.connect();
                    MongoTrajectoryStore store = new MongoTrajectoryStore(backend, 8);
                    link.cutAfterMessages(cutAfter);
                    List<UpsertOutcome> first = null;
                    try {
                        first = store.upsert(NS, batch, atomic).block(WAIT);
                    } catch (DomainException e) {
                        assertThat(e.code()).as("cut after %d", cutAfter).isEqualTo(ErrorCode.BACKEND_UNAVAILABLE);
                        failures++;
                    } finally {
                        link.restore();
                    }
                    // what is stored is a prefix of the batch (whole chunks, in order), each stored once
                    List<String> stored = store.streamAll(NS).map(Trajectory::trajectoryId).collectList().block(WAIT);
                    assertThat(stored).as("cut after %d", cutAfter).isEqualTo(ids.subList(0, stored.size()));
                    if (!stored.isEmpty() && stored.size() < ids.size()) {
                        strictPrefixes++;
                    }
                    if (Mono.from(backend.trajectories().countDocuments(Filters.eq("logged", false))).block(WAIT) > 0) {
                        unloggedLeft++; // stored but not yet in the feed: the retry must log them, once
                    }
                    if (first != null) {
                        assertThat(first).extracting(UpsertOutcome::status).containsOnly(Status.INSERTED);
                    }
                    List<UpsertOutcome> retry = store.upsert(NS, batch, atomic).block(WAIT);
                    assertThat(retry).extracting(UpsertOutcome::status).as("retry after a cut after %d", cutAfter)
                            .doesNotContain(Status.CONFLICT, Status.NOT_STORED);
                    assertThat(store.streamAll(NS).collectList().block(WAIT)).isEqualTo(batch);
                    List<Change> changes = store.changesSince(NS, 0, 1000).collectList().block(WAIT);
                    assertThat(changes).extracting(c -> c.item().id()).as("one INSERT per trajectory").containsExactlyInAnyOrderElementsOf(ids);
                    assertThat(changes).extracting(Change::sequence).containsExactlyElementsOf(LongStream.rangeClosed(1, 40).boxed().collect(Collectors.toList()));
                    long reported = (first == null ? 0 : first.stream().filter(o -> o.status() == Status.INSERTED).count())
                            + retry.stream().filter(o -> o.status() == Status.INSERTED).count();
                    assertThat(reported).as("inserts reported across both attempts, at most once each").isLessThanOrEqualTo(40);
                    assertThat(Mono.from(backend.trajectories().countDocuments(Filters.eq("logged", true))).block(WAIT)).isEqualTo(40);
                }
            }
            assertThat(failures).as("cuts that fell inside the batch").isGreaterThanOrEqualTo(6);
            assertThat(strictPrefixes).as("cuts that left part of the batch stored").isGreaterThanOrEqualTo(2);
            assertThat(unloggedLeft).as("cuts that left stored trajectories out of the feed").isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void aStoppedServerIsBackendUnavailable_forReadsWritesAndMemory() {
        MongoStandIn mongo = MongoStandIn.start();
        MongoConfig config = mongo.config().withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2));
        try (MongoBackend backend = new MongoBackend(config)) {
            backend.connect();
            MongoTrajectoryStore store = new MongoTrajectoryStore(backend);
            MongoMemoryStore memory = new MongoMemoryStore(backend);
            mongo.close();
            for (Mono<?> call : List.<Mono<?>>of(store.get(NS, "x"), store.upsert(NS, batch(2), true), store.count(NS, TrajectoryFilter.ALL),
                    store.statistics(NS, TrajectoryFilter.ALL, null), store.deleteAgent(NS, "agent-1"), memory.load(NS, "a"),
                    memory.save(NS, "a", 0, JsonObject.EMPTY))) {
                assertThatThrownBy(() -> call.block(WAIT)).isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BACKEND_UNAVAILABLE);
                    assertThat(e.getMessage()).startsWith("mongodb at " + config.uri() + " is unavailable");
                });
            }
        }
    }
}
