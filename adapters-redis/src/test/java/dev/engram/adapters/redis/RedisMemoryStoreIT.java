package dev.engram.adapters.redis;

import dev.engram.adapters.redis.harness.RedisServers;
import dev.engram.application.port.out.MemoryStore;
import dev.engram.testkit.MemoryStoreContract;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/** The contract on one real Redis; its concurrency test is the compare-and-set losing no update. */
class RedisMemoryStoreIT extends MemoryStoreContract {
    private RedisBackend backend;

    @Override
    protected MemoryStore createStore() {
        backend = new RedisBackend(RedisConfig.of(RedisServers.shared().uri()).withKeyPrefix("m" + UUID.randomUUID().toString().substring(0, 8)));
        return new RedisMemoryStore(backend);
    }

    @AfterEach
    void close() {
        backend.close();
    }
}
