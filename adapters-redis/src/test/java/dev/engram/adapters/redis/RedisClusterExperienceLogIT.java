package dev.engram.adapters.redis;

import dev.engram.adapters.redis.harness.RedisServers;
import dev.engram.application.port.out.ExperienceLog;
import dev.engram.testkit.ExperienceLogContract;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** The contract on a real 3-master cluster: the partition streams and id maps spread over the masters. */
class RedisClusterExperienceLogIT extends ExperienceLogContract {
    @Override
    protected ExperienceLog createLog() {
        return new RedisExperienceLog(new RedisBackend(RedisConfig.of(RedisServers.sharedCluster().uri())
                .withKeyPrefix("cl" + UUID.randomUUID().toString().substring(0, 8))), RedisBufferConfig.DEFAULT_PARTITIONS, 1_000_000);
    }

    @Override
    protected void appendForeign(ExperienceLog log) {
        ((RedisExperienceLog) log).appendRaw(5, Map.of("payload", "from a newer version".getBytes(StandardCharsets.UTF_8)))
                .block(Duration.ofSeconds(10));
    }
}
