package dev.engram.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.adapters.redis.harness.RedisServers;
import dev.engram.application.port.out.StoredMemory;
import dev.engram.domain.json.JsonNumber;
import dev.engram.domain.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Writers in two "processes" (two connections), several threads each sharing its connection: with WATCH/MULTI the
 * threads of one connection would interleave their transactions; the compare-and-set script loses nothing.
 */
class RedisMemoryStoreConcurrencyIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void writersOnTwoSharedConnectionsNeverLoseAnUpdate() throws Exception {
        RedisConfig config = RedisConfig.of(RedisServers.shared().uri()).withKeyPrefix("mc" + UUID.randomUUID().toString().substring(0, 8));
        int threadsPerProcess = 4;
        int increments = 40;
        AtomicInteger refused = new AtomicInteger();
        try (RedisBackend one = new RedisBackend(config); RedisBackend two = new RedisBackend(config)) {
            List<RedisMemoryStore> processes = List.of(new RedisMemoryStore(one), new RedisMemoryStore(two));
            ExecutorService pool = Executors.newFixedThreadPool(2 * threadsPerProcess);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (RedisMemoryStore store : processes) {
                    for (int t = 0; t < threadsPerProcess; t++) {
                        futures.add(pool.submit(() -> {
                            for (int i = 0; i < increments; i++) {
                                while (true) {
                                    StoredMemory current = store.load("ns", "shared").block(WAIT);
                                    long version = current == null ? 0 : current.version();
                                    long count = current == null ? 0 : ((JsonNumber) current.state().get("count")).value().longValue();
                                    if (store.save("ns", "shared", version, JsonObject.builder().put("count", count + 1).build()).block(WAIT) != null) {
                                        break;
                                    }
                                    refused.incrementAndGet(); // a refused save, retried: never a lost update
                                }
                            }
                        }));
                    }
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            StoredMemory result = processes.get(0).load("ns", "shared").block(WAIT);
            long expected = 2L * threadsPerProcess * increments;
            assertThat(result.state()).isEqualTo(JsonObject.builder().put("count", expected).build());
            assertThat(result.version()).isEqualTo(expected);
            assertThat(refused.get()).as("refused saves (the race was real)").isPositive();
        }
    }
}
