package dev.engram.adapters.redis;

import dev.engram.adapters.redis.harness.RedisCluster;
import dev.engram.adapters.redis.harness.RedisServers;
import dev.engram.application.port.out.TrajectoryStore;
import dev.engram.testkit.TrajectoryStoreContract;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The contract on a real local Redis Cluster of three masters: every script stays in its namespace's slot. */
class RedisClusterTrajectoryStoreIT extends TrajectoryStoreContract {
    private static RedisCluster cluster;
    private RedisBackend backend;

    @BeforeAll
    static void startCluster() {
        cluster = RedisServers.startCluster(3);
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Override
    protected TrajectoryStore createStore() {
        backend = new RedisBackend(RedisConfig.of(cluster.uri()).withKeyPrefix("c" + UUID.randomUUID().toString().substring(0, 8)));
        return new RedisTrajectoryStore(backend);
    }

    @AfterEach
    void close() {
        backend.close();
    }
}
