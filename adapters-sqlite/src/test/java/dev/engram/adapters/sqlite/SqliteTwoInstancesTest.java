package dev.engram.adapters.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.application.port.out.Change;
import dev.engram.application.port.out.StoredMemory;
import dev.engram.application.query.TrajectoryFilter;
import dev.engram.application.port.out.UpsertOutcome;
import dev.engram.domain.json.JsonNumber;
import dev.engram.domain.json.JsonObject;
import dev.engram.testkit.Trajectories;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two stores on one file, each with its own connections and writer thread, as two engram processes would have:
 * SQLite's file locks are all that orders them.
 */
class SqliteTwoInstancesTest {
    private static final String NS = "default";

    @TempDir
    Path dir;

    @Test
    void concurrentWritersOfTwoInstancesLoseNothing_andSequencesAreUniqueAndOrdered() throws Exception {
        int batches = 60;
        try (SqliteDatabase first = SqliteDatabase.open(SqliteConfig.defaults(dir), true);
             SqliteDatabase second = SqliteDatabase.open(SqliteConfig.defaults(dir), true)) {
            List<SqliteTrajectoryStore> stores = List.of(new SqliteTrajectoryStore(first), new SqliteTrajectoryStore(second));
            ConcurrentLinkedQueue<UpsertOutcome> outcomes = new ConcurrentLinkedQueue<>();
            runConcurrently(stores.size(), instance -> {
                for (int b = 0; b < batches; b++) {
                    // both write the shared ids, each writes ids of its own
                    outcomes.addAll(stores.get(instance).upsert(NS, List.of(Trajectories.plain("shared-" + b).build(),
                            Trajectories.plain("own-" + instance + "-" + b).build()), false).block());
                }
            });

            Map<String, List<UpsertOutcome.Status>> byId = outcomes.stream().collect(Collectors.groupingBy(UpsertOutcome::trajectoryId,
                    Collectors.mapping(UpsertOutcome::status, Collectors.toList())));
            assertThat(byId).hasSize(3 * batches);
            byId.forEach((id, statuses) -> assertThat(statuses).as(id).containsOnlyOnce(UpsertOutcome.Status.INSERTED)
                    .doesNotContain(UpsertOutcome.Status.CONFLICT));
            List<Long> inserted = outcomes.stream().filter(o -> o.status() == UpsertOutcome.Status.INSERTED)
                    .map(UpsertOutcome::sequence).sorted().collect(Collectors.toList());
            assertThat(inserted).doesNotHaveDuplicates();
            for (SqliteTrajectoryStore store : stores) {
                assertThat(store.count(NS, TrajectoryFilter.ALL).block()).isEqualTo(3L * batches);
                List<Long> feed = store.changesSince(NS, 0, 10_000).map(Change::sequence).collectList().block();
                assertThat(feed).isEqualTo(inserted);
                assertThat(store.lastSequence(NS).block()).isEqualTo(inserted.get(inserted.size() - 1));
            }
        }
    }

    @Test
    void memoryVersionsHoldAcrossInstances() throws Exception {
        int increments = 40;
        try (SqliteDatabase first = SqliteDatabase.open(SqliteConfig.defaults(dir), true);
             SqliteDatabase second = SqliteDatabase.open(SqliteConfig.defaults(dir), true)) {
            List<SqliteMemoryStore> stores = List.of(new SqliteMemoryStore(first), new SqliteMemoryStore(second));
            runConcurrently(stores.size(), instance -> {
                SqliteMemoryStore store = stores.get(instance);
                for (int i = 0; i < increments; i++) {
                    Long saved = null;
                    while (saved == null) {
                        StoredMemory current = store.load(NS, "shared").block();
                        long version = current == null ? 0 : current.version();
                        long count = current == null ? 0 : ((JsonNumber) current.state().get("count")).value().longValue();
                        saved = store.save(NS, "shared", version, JsonObject.builder().put("count", count + 1).build()).block();
                    }
                }
            });
            StoredMemory result = stores.get(0).load(NS, "shared").block();
            assertThat(result.version()).isEqualTo(2L * increments);
            assertThat(result.state()).isEqualTo(JsonObject.builder().put("count", 2L * increments).build());
        }
    }

    private interface Work {
        void run(int instance) throws Exception;
    }

    private static void runConcurrently(int instances, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                int instance = i;
                Callable<Object> task = () -> {
                    work.run(instance);
                    return null;
                };
                futures.add(pool.submit(task));
            }
            for (Future<Object> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
