package dev.engram.adapters.redis;

import dev.engram.adapters.redis.harness.RedisServers;
import dev.engram.application.port.out.TrajectoryStore;
import dev.engram.testkit.TrajectoryStoreContract;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/** The contract on a real local Redis Cluster of three masters: every script stays in its namespace's slot. */
class RedisClusterTrajectoryStoreIT extends TrajectoryStoreContract {
    private RedisBackend backend;

    @Override
    protected TrajectoryStore createStore() {
        backend = new RedisBackend(RedisConfig.of(RedisServers.sharedCluster().uri()).withKeyPrefix("c" + UUID.randomUUID().toString().substring(0, 8)));
        return new RedisTrajectoryStore(backend);
    }

    @AfterEach
    void close() {
        backend.close();
    }
}
