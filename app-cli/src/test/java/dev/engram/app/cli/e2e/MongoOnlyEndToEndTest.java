package dev.engram.app.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.adapters.mongo.harness.MongoStandIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code engram --config examples/config/mongo-only.yaml ...} as a user runs it, against the MongoDB stand-in of the
 * adapters-mongo test-jar (in this JVM; the command is a child JVM that connects to it by URI).
 */
class MongoOnlyEndToEndTest {
    private static final String CONFIG = Path.of("..", "examples", "config", "mongo-only.yaml").toString();
    private static MongoStandIn mongo;

    @TempDir
    Path dir;

    @BeforeAll
    static void startMongo() {
        mongo = MongoStandIn.start();
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    private Engram engram(Path dataDir, String database) {
        return Engram.at(dataDir).withEnv(Map.of("ENGRAM_MONGO__URI", mongo.uri(), "ENGRAM_MONGO__DATABASE", database));
    }

    @Test
    void recordsQueriesForgetsAndExportsInMongo_andASecondDataDirSeesTheSameStore() throws Exception {
        String database = MongoStandIn.freshDatabaseName();
        Engram engram = engram(dir.resolve("data"), database);
        Path runs = Engram.write(dir, "runs.jsonl", Runs.lines("run", 12));
        assertThat(engram.run("--config", CONFIG, "record", runs.toString()).expect(0).out()).contains("stored 12, unchanged 0");
        assertThat(engram.run("--config", CONFIG, "record", runs.toString()).expect(0).out()).contains("stored 0, unchanged 12");
        Json got = Json.of(engram.run("--config", CONFIG, "get", "run-003", "--json").expect(0).out());
        assertThat(got.at("trajectory_id").text()).isEqualTo("run-003");
        assertThat(engram.run("--config", CONFIG, "list").expect(0).out()).contains("run-000").contains("run-011");
        Json stats = Json.of(engram.run("--config", CONFIG, "stats", "--json").expect(0).out());
        assertThat(stats.at("total_trajectories").number()).isEqualTo(12);
        assertThat(engram.run("--config", CONFIG, "top", "--task", "deploy", "--successes", "-n", "2").expect(0).out()).contains("run-");

        // the trajectories are in MongoDB, not in the data dir: another data dir sees them
        Engram elsewhere = engram(dir.resolve("other"), database);
        assertThat(elsewhere.run("--config", CONFIG, "get", "run-001").expect(0).out()).contains("run-001");

        assertThat(engram.run("--config", CONFIG, "memory", "forget", "--agent", "sre_agent").expect(0).out())
                .contains("forgot agent sre_agent: 6 trajectories");
        assertThat(Json.of(elsewhere.run("--config", CONFIG, "stats", "--json").expect(0).out()).at("total_trajectories").number()).isEqualTo(6);
        Path export = dir.resolve("export.jsonl");
        engram.run("--config", CONFIG, "export", export.toString()).expect(0);
        assertThat(Files.readAllLines(export)).hasSize(6).allSatisfy(line -> assertThat(line).contains("builder_agent").doesNotContain("sre_agent"));
    }

    @Test
    void mongoDownIsExitFive() {
        Engram down = Engram.at(dir.resolve("data")).withEnv(Map.of("ENGRAM_MONGO__URI", "mongodb://127.0.0.1:1", "ENGRAM_MONGO__CONNECT_TIMEOUT", "2s"));
        assertThat(down.run("--config", CONFIG, "record", Engram.write(dir, "one.jsonl", Runs.lines("x", 1)).toString()).expect(5).err())
                .contains("mongodb");
    }
}
