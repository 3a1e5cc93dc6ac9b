package dev.engram.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.application.port.out.MemoryStore;
import dev.engram.application.port.out.StoredMemory;
import dev.engram.domain.json.JsonArray;
import dev.engram.domain.json.JsonNumber;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.JsonString;
import dev.engram.domain.json.JsonValue;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every behaviour a user relies on from a {@link MemoryStore}; each adapter's test extends this. */
public abstract class MemoryStoreContract {
    protected static final String NS = "tenant-a";
    private static final Duration WAIT = Duration.ofSeconds(30);

    protected MemoryStore store;

    protected abstract MemoryStore createStore() throws Exception;

    @BeforeEach
    void freshStore() throws Exception {
        store = createStore();
    }

    private static JsonObject counter(long value) {
        return JsonObject.builder().put("count", value).build();
    }

    @Test
    void savesTheFirstVersionAndLoadsIt() {
        assertThat(store.load(NS, "alice").block(WAIT)).isNull();
        assertThat(store.save(NS, "alice", 0, counter(1)).block(WAIT)).isEqualTo(1L);
        assertThat(store.load(NS, "alice").block(WAIT)).isEqualTo(new StoredMemory(NS, "alice", 1, counter(1)));
    }

    @Test
    void aStaleVersionIsRefused_andChangesNothing() {
        store.save(NS, "alice", 0, counter(1)).block(WAIT);
        store.save(NS, "alice", 1, counter(2)).block(WAIT);
        assertThat(store.save(NS, "alice", 1, counter(99)).block(WAIT)).isNull();
        assertThat(store.save(NS, "alice", 0, counter(99)).block(WAIT)).isNull();
        assertThat(store.load(NS, "alice").block(WAIT)).isEqualTo(new StoredMemory(NS, "alice", 2, counter(2)));
    }

    @Test
    void concurrentWritersNeverLoseAnUpdate() throws Exception {
        int writers = 4;
        int increments = 50;
        AtomicInteger conflicts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < increments; i++) {
                        while (true) {
                            StoredMemory current = store.load(NS, "shared").block(WAIT);
                            long version = current == null ? 0 : current.version();
                            long count = current == null ? 0 : ((JsonNumber) current.state().get("count")).value().longValue();
                            if (store.save(NS, "shared", version, counter(count + 1)).block(WAIT) != null) {
                                break;
                            }
                            conflicts.incrementAndGet();
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
        StoredMemory result = store.load(NS, "shared").block(WAIT);
        assertThat(result.state()).isEqualTo(counter((long) writers * increments));
        assertThat(result.version()).isEqualTo((long) writers * increments);
    }

    @Test
    void agentsAndNamespacesAreSeparate_deleteRemovesOnlyOne() {
        store.save(NS, "alice", 0, counter(1)).block(WAIT);
        store.save(NS, "bob", 0, counter(2)).block(WAIT);
        store.save("tenant-b", "alice", 0, counter(3)).block(WAIT);

        assertThat(store.streamAll(NS).collectList().block(WAIT)).extracting(StoredMemory::agentId).containsExactly("alice", "bob");
        assertThat(store.delete(NS, "alice").block(WAIT)).isTrue();
        assertThat(store.delete(NS, "alice").block(WAIT)).isFalse();
        assertThat(store.load(NS, "alice").block(WAIT)).isNull();
        assertThat(store.load("tenant-b", "alice").block(WAIT).state()).isEqualTo(counter(3));
        assertThat(store.load(NS, "bob").block(WAIT).state()).isEqualTo(counter(2));
        assertThat(store.save(NS, "alice", 0, counter(7)).block(WAIT)).isEqualTo(1L);
    }

    @Test
    void largeAndOddStatesRoundTripExactly() {
        List<JsonValue> rules = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            rules.add(JsonObject.builder().put("text", "[WORKS] rule " + i + " ünïcødé 🧠 $set a.b").put("importance", (long) i).build());
        }
        JsonObject state = JsonObject.builder().put("rules", new JsonArray(rules)).put("$weird.key", new JsonString(""))
                .put("exact", new JsonNumber(new BigDecimal("0.1000000000000000055511151231257827"))).build();
        store.save(NS, "alice", 0, state).block(WAIT);
        assertThat(store.load(NS, "alice").block(WAIT).state()).isEqualTo(state);
    }
}
