package dev.engram.adapters.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import dev.engram.application.port.out.Change;
import dev.engram.application.port.out.StoredMemory;
import dev.engram.application.port.out.UpsertOutcome;
import dev.engram.application.port.out.UpsertOutcome.Status;
import dev.engram.domain.json.JsonNumber;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.trajectory.Trajectory;
import dev.engram.testkit.Trajectories;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

/**
 * Two engram processes on one database: two clients, two stores, each with its own in-process lock — so their
 * change-feed appends really race on the unique (ns, seq) index, which the contract suite's single store never
 * makes them do; and the forget path, read off the documents themselves.
 */
class MongoTwoProcessesTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    @RegisterExtension
    static final FreshBackends MONGO = new FreshBackends();

    @Test
    void twoProcessesWritingOneNamespaceShareOneGaplessFeed_andEachIdIsInsertedOnce() throws Exception {
        MongoBackend first = MONGO.backend();
        MongoBackend second = new MongoBackend(first.config());
        second.connect();
        try {
            List<MongoTrajectoryStore> stores = List.of(new MongoTrajectoryStore(first), new MongoTrajectoryStore(second));
            ConcurrentLinkedQueue<UpsertOutcome> outcomes = new ConcurrentLinkedQueue<>();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int w = 0; w < 4; w++) {
                    MongoTrajectoryStore store = stores.get(w % 2);
                    int writer = w;
                    futures.add(pool.submit(() -> {
                        for (int i = 0; i < 40; i++) {
                            List<Trajectory> batch = List.of(Trajectories.plain("shared-" + i).build(), Trajectories.plain("own-" + writer + "-" + i).build());
                            outcomes.addAll(store.upsert("ns", batch, false).block(WAIT));
                        }
                    }));
                }
                for (Future<?> future : futures) {
                    future.get();
                }
            } finally {
                pool.shutdownNow();
            }
            Map<String, List<Status>> byId = outcomes.stream().collect(Collectors.groupingBy(UpsertOutcome::trajectoryId,
                    Collectors.mapping(UpsertOutcome::status, Collectors.toList())));
            assertThat(byId).hasSize(40 + 4 * 40);
            byId.forEach((id, statuses) -> assertThat(statuses).as(id).containsOnlyOnce(Status.INSERTED).doesNotContain(Status.CONFLICT));
            List<Change> feed = stores.get(1).changesSince("ns", 0, 10_000).collectList().block(WAIT);
            assertThat(feed).extracting(Change::sequence).containsExactlyElementsOf(LongStream.rangeClosed(1, byId.size()).boxed().collect(Collectors.toList()));
            assertThat(feed).extracting(c -> c.item().id()).doesNotHaveDuplicates();
        } finally {
            second.close();
        }
    }

    @Test
    void memoryWritersInTwoProcessesLoseNoUpdate() throws Exception {
        MongoBackend first = MONGO.backend();
        MongoBackend second = new MongoBackend(first.config());
        second.connect();
        try {
            List<MongoMemoryStore> stores = List.of(new MongoMemoryStore(first), new MongoMemoryStore(second));
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int w = 0; w < 4; w++) {
                    MongoMemoryStore store = stores.get(w % 2);
                    futures.add(pool.submit(() -> {
                        for (int i = 0; i < 40; i++) {
                            while (true) {
                                StoredMemory current = store.load("ns", "shared").block(WAIT);
                                long version = current == null ? 0 : current.version();
                                long count = current == null ? 0 : ((JsonNumber) current.state().get("count")).value().longValue();
                                if (store.save("ns", "shared", version, JsonObject.builder().put("count", count + 1).build()).block(WAIT) != null) {
                                    break;
                                }
                            }
                        }
                    }));
                }
                for (Future<?> future : futures) {
                    future.get();
                }
            } finally {
                pool.shutdownNow();
            }
            StoredMemory result = stores.get(0).load("ns", "shared").block(WAIT);
            assertThat(result.version()).isEqualTo(160);
            assertThat(result.state()).isEqualTo(JsonObject.builder().put("count", 160L).build());
        } finally {
            second.close();
        }
    }

    @Test
    void forgettingAnAgentRemovesEveryDocumentOfItAndNothingOfAnyoneElse() {
        MongoBackend backend = MONGO.backend();
        MongoTrajectoryStore store = new MongoTrajectoryStore(backend);
        MongoMemoryStore memory = new MongoMemoryStore(backend);
        List<Trajectory> mixed = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            mixed.add(Trajectories.plain("t" + i).agentId(i % 3 == 0 ? "alice" : "bob").createdAt(Trajectories.T0.plusSeconds(i)).build());
        }
        store.upsert("ns", mixed, true).block(WAIT);
        store.upsert("other", mixed, true).block(WAIT);
        for (String ns : List.of("ns", "other")) {
            for (String agent : List.of("alice", "bob")) {
                memory.save(ns, agent, 0, JsonObject.builder().put("who", agent).build()).block(WAIT);
            }
        }
        long before = count(backend, Filters.empty());

        assertThat(store.deleteAgent("ns", "alice").block(WAIT)).isEqualTo(10);
        assertThat(memory.delete("ns", "alice").block(WAIT)).isTrue();

        assertThat(count(backend, Filters.and(Filters.eq("ns", "ns"), Filters.eq("agent", "alice")))).isZero();
        assertThat(Mono.from(backend.memory().countDocuments(Filters.and(Filters.eq("ns", "ns"), Filters.eq("agent", "alice")))).block(WAIT)).isZero();
        assertThat(count(backend, Filters.empty())).isEqualTo(before - 10);
        assertThat(count(backend, Filters.eq("ns", "other"))).isEqualTo(30);
        assertThat(Mono.from(backend.memory().countDocuments()).block(WAIT)).isEqualTo(3);
        assertThat(store.streamAll("ns").map(Trajectory::agentId).collectList().block(WAIT)).hasSize(20).containsOnly("bob");
        assertThat(memory.load("other", "alice").block(WAIT)).isNotNull();
    }

    private static long count(MongoBackend backend, org.bson.conversions.Bson filter) {
        return Mono.from(backend.trajectories().countDocuments(filter)).block(WAIT);
    }
}
