package dev.engram.app.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.adapters.redis.harness.RedisServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code engram --config <an example with buffer: redis> ...} as a user runs it, whatever the long-term store: records
 * acknowledged in the Redis buffer, {@code engram worker} draining them into the long-term store, and Redis down making
 * records fall back to the long-term store. One subclass per example configuration.
 */
abstract class BufferedEndToEndContract {
    @TempDir
    Path dir;

    /**
     * The Redis server of the subclass (AOF on, appendfsync always). Each subclass starts its own: the classes of this
     * module run concurrently, so one shared static server would be closed under the other class.
     */
    abstract RedisServer redis();

    /** The example configuration under test. */
    abstract String config();

    /** What the long-term store of the configuration needs besides the Redis settings. */
    abstract Map<String, String> longTermStoreEnvironment();

    private Engram engram(String uri) {
        Map<String, String> env = new HashMap<>(longTermStoreEnvironment());
        env.putAll(Map.of("ENGRAM_REDIS__URI", uri,
                "ENGRAM_REDIS__KEY_PREFIX", "e" + UUID.randomUUID().toString().substring(0, 8), "ENGRAM_REDIS__CONNECT_TIMEOUT", "2s"));
        return Engram.at(dir.resolve("data")).withEnv(env);
    }

    @Test
    void recordsAreBuffered_theWorkerDrainsThemIntoTheLongTermStore_andStatsShowsTheBuffer() {
        Engram engram = engram(redis().uri());
        Path runs = Engram.write(dir, "runs.jsonl", Runs.lines("run", 6));
        assertThat(engram.run("--config", config(), "record", runs.toString()).expect(0).out()).contains("stored 6, unchanged 0");
        Json before = Json.of(engram.run("--config", config(), "stats", "--json").expect(0).out());
        assertThat(before.at("buffer").at("lag").number()).isEqualTo(6);
        assertThat(before.at("total_trajectories").number()).as("not yet drained").isZero();
        // visible to reads once the worker stored it
        engram.run("--config", config(), "get", "run-003").expect(4);

        Json drained = Json.of(engram.run("--config", config(), "worker", "--once", "--json").expect(0).out());
        assertThat(drained.at("drained").number()).isEqualTo(6);
        assertThat(drained.at("inserted").number()).isEqualTo(6);
        Json after = Json.of(engram.run("--config", config(), "stats", "--json").expect(0).out());
        assertThat(after.at("total_trajectories").number()).isEqualTo(6);
        assertThat(after.at("buffer").at("lag").number()).isZero();
        assertThat(after.at("buffer").at("pending").number()).isZero();
        assertThat(Json.of(engram.run("--config", config(), "get", "run-003", "--json").expect(0).out()).at("trajectory_id").text())
                .isEqualTo("run-003");

        // a changed id is refused before the ack; a repeat is unchanged
        String changed = Runs.line("run", 3).replace("\"try it\"", "\"tried something else\"");
        assertThat(engram.runWithInput(changed + "\n", "--config", config(), "record", "-").expect(3).err()).contains("run-003").contains("already stored with other content");
        assertThat(engram.run("--config", config(), "record", runs.toString()).expect(0).out()).contains("stored 0, unchanged 6");
    }

    @Test
    void withRedisDown_recordsGoStraightIntoTheLongTermStore_andTheWorkerSaysRedisIsUnavailable() {
        Engram down = engram("redis://127.0.0.1:1");
        Path runs = Engram.write(dir, "runs.jsonl", Runs.lines("fb", 3));
        assertThat(down.run("--config", config(), "record", runs.toString()).expect(0).out()).contains("stored 3");
        Json stats = Json.of(down.run("--config", config(), "stats", "--json").expect(0).out());
        assertThat(stats.at("total_trajectories").number()).isEqualTo(3);
        assertThat(stats.at("buffer").isNull()).as("unknown while Redis is down").isTrue();
        assertThat(down.run("--config", config(), "get", "fb-001").expect(0).out()).contains("fb-001");
        assertThat(down.run("--config", config(), "worker", "--once").expect(5).err()).contains("redis");
    }
}
