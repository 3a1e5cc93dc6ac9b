package dev.engram.app.cli.e2e;

import dev.engram.adapters.mongo.harness.MongoStandIn;
import dev.engram.adapters.redis.harness.RedisServer;
import dev.engram.adapters.redis.harness.RedisServers;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The buffered end-to-end run on {@code examples/config/redis-mongo.yaml}: Redis in front of MongoDB (the stand-in of
 * the adapters-mongo test-jar, in this JVM).
 */
class RedisMongoEndToEndIT extends BufferedEndToEndContract {
    private static RedisServer redis;
    private static MongoStandIn mongo;

    private final String database = MongoStandIn.freshDatabaseName();

    @BeforeAll
    static void startServers() {
        redis = RedisServers.start(RedisServers.Options.aof("always"));
        mongo = MongoStandIn.start();
    }

    @AfterAll
    static void stopServers() {
        redis.close();
        mongo.close();
    }

    @Override
    RedisServer redis() {
        return redis;
    }

    @Override
    String config() {
        return Path.of("..", "examples", "config", "redis-mongo.yaml").toString();
    }

    @Override
    Map<String, String> longTermStoreEnvironment() {
        return Map.of("ENGRAM_MONGO__URI", mongo.uri(), "ENGRAM_MONGO__DATABASE", database);
    }
}
