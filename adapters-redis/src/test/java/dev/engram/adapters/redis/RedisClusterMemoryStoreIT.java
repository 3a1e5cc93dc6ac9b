package dev.engram.adapters.redis;

import dev.engram.adapters.redis.harness.RedisServers;
import dev.engram.application.port.out.MemoryStore;
import dev.engram.testkit.MemoryStoreContract;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/** The contract on the local 3-master cluster: the compare-and-set script runs in the namespace's slot. */
class RedisClusterMemoryStoreIT extends MemoryStoreContract {
    private RedisBackend backend;

    @Override
    protected MemoryStore createStore() {
        backend = new RedisBackend(RedisConfig.of(RedisServers.sharedCluster().uri()).withKeyPrefix("cm" + UUID.randomUUID().toString().substring(0, 8)));
        return new RedisMemoryStore(backend);
    }

    @AfterEach
    void close() {
        backend.close();
    }
}
