package dev.engram.app.cli.e2e;

import dev.engram.adapters.redis.harness.RedisServer;
import dev.engram.adapters.redis.harness.RedisServers;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The buffered end-to-end run on {@code examples/config/redis-sqlite.yaml}: Redis in front of SQLite. */
class RedisSqliteEndToEndIT extends BufferedEndToEndContract {
    private static RedisServer redis;

    @BeforeAll
    static void startRedis() {
        redis = RedisServers.start(RedisServers.Options.aof("always"));
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @Override
    RedisServer redis() {
        return redis;
    }

    @Override
    String config() {
        return Path.of("..", "examples", "config", "redis-sqlite.yaml").toString();
    }

    @Override
    Map<String, String> longTermStoreEnvironment() {
        return Map.of(); // SQLite lives in the data dir
    }
}
