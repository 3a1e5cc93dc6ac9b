package dev.engram.adapters.redis;

import dev.engram.adapters.redis.harness.RedisServers;
import dev.engram.application.port.out.TrajectoryStore;
import dev.engram.testkit.TrajectoryStoreContract;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/** The contract on one real Redis (the JVM's shared server; each test under a key prefix of its own). */
class RedisTrajectoryStoreIT extends TrajectoryStoreContract {
    private RedisBackend backend;

    @Override
    protected TrajectoryStore createStore() {
        backend = new RedisBackend(RedisConfig.of(RedisServers.shared().uri()).withKeyPrefix("t" + UUID.randomUUID().toString().substring(0, 8)));
        return new RedisTrajectoryStore(backend);
    }

    @AfterEach
    void close() {
        backend.close();
    }
}
