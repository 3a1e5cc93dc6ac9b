package dev.engram.adapters.redis;

import dev.engram.adapters.redis.harness.RedisServers;
import dev.engram.application.port.out.HotTier;
import dev.engram.testkit.HotTierContract;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/** The contract on one real Redis: a short-term level of half the cap in front of an intermediate one of the cap. */
class RedisHotTierIT extends HotTierContract {
    private RedisBackend backend;

    @Override
    protected HotTier createTier(int maxPerAgent) {
        backend = new RedisBackend(RedisConfig.of(RedisServers.shared().uri()).withKeyPrefix("h" + UUID.randomUUID().toString().substring(0, 8)));
        return new RedisHotTier(backend, RedisTierConfig.DEFAULTS.withCaps(Math.max(1, maxPerAgent / 2), maxPerAgent));
    }

    @AfterEach
    void close() {
        backend.close();
    }
}
