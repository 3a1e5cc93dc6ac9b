package dev.engram.app.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two {@code engram record} processes at once on one new data dir: both succeed and nothing is lost, memories included. */
class ConcurrentRecordEndToEndTest {
    private static final int EACH = 60;

    @TempDir
    Path dir;

    @Test
    void twoRecordsAtOnceBothSucceedAndKeepEverything() {
        Engram engram = Engram.at(dir.resolve("data"));
        // the same agents in both inputs, so that both processes update the same memories at the same time
        byte[] first = Runs.lines("first", EACH).getBytes(StandardCharsets.UTF_8);
        byte[] second = Runs.lines("second", EACH).getBytes(StandardCharsets.UTF_8);
        CompletableFuture<Engram.Result> a = engram.start(first, "record", "-");
        CompletableFuture<Engram.Result> b = engram.start(second, "record", "-");
        assertThat(a.join().expect(0).out()).contains("stored " + EACH + ", unchanged 0");
        assertThat(b.join().expect(0).out()).contains("stored " + EACH + ", unchanged 0");

        assertThat(engram.run("export").expect(0).out().lines()).hasSize(2 * EACH);
        Json stats = Json.of(engram.run("stats", "--agent", "sre_agent", "--json").expect(0).out());
        assertThat(stats.at("total_trajectories").number()).isEqualTo(EACH);
        assertThat(stats.at("memory", "total_episodes").number()).as("episodes the memory learned from").isEqualTo(EACH);
        assertThat(Json.of(engram.run("stats", "--json").expect(0).out()).at("replay", "size").number()).isEqualTo(2 * EACH);
    }
}
