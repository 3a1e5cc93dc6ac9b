package dev.engram.app.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.adapters.redis.harness.RedisServer;
import dev.engram.adapters.redis.harness.RedisServers;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code engram --config examples/config/redis-only.yaml ...} as a user runs it, against a redis-server of its own. */
class RedisOnlyEndToEndIT {
    private static final String CONFIG = Path.of("..", "examples", "config", "redis-only.yaml").toString();
    private static RedisServer redis;

    @TempDir
    Path dir;

    @BeforeAll
    static void startRedis() {
        redis = RedisServers.start(RedisServers.Options.aof("everysec"));
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    private Engram engram() {
        return Engram.at(dir.resolve("data")).withEnv(Map.of("ENGRAM_REDIS__URI", redis.uri()));
    }

    @Test
    void recordsListsGetsAndCountsInRedis_andASecondDataDirSeesTheSameStore() {
        Path runs = Engram.write(dir, "runs.jsonl", Runs.lines("run", 5));
        assertThat(engram().run("--config", CONFIG, "record", runs.toString()).expect(0).out()).contains("stored 5, unchanged 0");
        assertThat(engram().run("--config", CONFIG, "record", runs.toString()).expect(0).out()).contains("stored 0, unchanged 5");
        Json got = Json.of(engram().run("--config", CONFIG, "get", "run-003", "--json").expect(0).out());
        assertThat(got.at("trajectory_id").text()).isEqualTo("run-003");
        assertThat(engram().run("--config", CONFIG, "list").expect(0).out()).contains("run-000").contains("run-004");
        assertThat(Json.of(engram().run("--config", CONFIG, "stats", "--json").expect(0).out()).at("total_trajectories").number()).isEqualTo(5);

        // the trajectories are in Redis, not in the data dir: another data dir sees them
        Engram elsewhere = Engram.at(dir.resolve("other")).withEnv(Map.of("ENGRAM_REDIS__URI", redis.uri()));
        assertThat(elsewhere.run("--config", CONFIG, "get", "run-001").expect(0).out()).contains("run-001");
    }

    @Test
    void redisDownIsExitFive() {
        Engram down = Engram.at(dir.resolve("data")).withEnv(Map.of("ENGRAM_REDIS__URI", "redis://127.0.0.1:1", "ENGRAM_REDIS__CONNECT_TIMEOUT", "2s"));
        assertThat(down.run("--config", CONFIG, "record", Engram.write(dir, "one.jsonl", Runs.lines("x", 1)).toString()).expect(5).err())
                .contains("redis");
    }
}
