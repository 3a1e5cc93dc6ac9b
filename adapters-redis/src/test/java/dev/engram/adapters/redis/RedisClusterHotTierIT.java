package dev.engram.adapters.redis;

import dev.engram.adapters.redis.harness.RedisServers;
import dev.engram.application.port.out.HotTier;
import dev.engram.testkit.HotTierContract;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/** The contract on a real 3-master cluster: copies under the namespace's tag, timelines under each agent's. */
class RedisClusterHotTierIT extends HotTierContract {
    private RedisBackend backend;

    @Override
    protected HotTier createTier(int maxPerAgent) {
        backend = new RedisBackend(RedisConfig.of(RedisServers.sharedCluster().uri()).withKeyPrefix("ch" + UUID.randomUUID().toString().substring(0, 8)));
        return new RedisHotTier(backend, RedisTierConfig.DEFAULTS.withCaps(Math.max(1, maxPerAgent / 2), maxPerAgent));
    }

    @AfterEach
    void close() {
        backend.close();
    }
}
