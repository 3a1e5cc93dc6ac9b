package dev.engram.app.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.app.cli.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code engram demo}, the README's first command: a fresh data dir filled and toured; never a dir with data. */
class DemoEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void fillsAFreshDataDirAndToursEveryFeature_thenRefusesToRunAgain() throws Exception {
        Engram engram = Engram.at(dir.resolve("data"));
        Engram.Result demo = engram.run("demo").expect(0);
        assertThat(demo.out()).contains(
                "== 1. record", "stored 150 in 3 batches", "1 unchanged, nothing added", "\"api_key\":\"[REDACTED]\"",
                "== 2. priorities",
                "== 3. sample", "uniform:", "prioritized (alpha 0.6, beta 0.4)", "recency (half-life 3d)", "mixed (mix 0.5)",
                "balanced:", "fifo:", "lifo:", "top:", "PROBABILITY", "WEIGHT",
                "== 4. top", "successes:", "failures:",
                "== 5. stats", "trajectories  150", "builder_agent", "sre_agent", "support_agent",
                "== 6. context", "## MEMORY FROM PAST EPISODES", "Rules for deploy:", "Structured mistake cards:", "tokens (o200k_base)",
                "== 7. consolidate", "not stored (dry run)",
                "== next", "done in ");
        assertThat(demo.err()).isEmpty();
        // mistake cards repeat, so they merge
        assertThat(demo.out()).containsPattern("seen [2-9]\\d*x");

        Json stats = Json.of(engram.run("stats", "--json").expect(0).out());
        assertThat(stats.at("total_trajectories").number()).isEqualTo(150);
        assertThat(stats.at("by_domain").keys()).containsExactly("code", "ops", "support");
        assertThat(stats.at("by_outcome", "failure").number()).isPositive();
        assertThat(stats.at("by_outcome", "partial").number()).isPositive();

        Engram.Result again = engram.run("demo").expect(ExitCodes.USAGE);
        assertThat(again.err()).contains("already holds data", "the demo only fills a fresh, empty data dir");
        Path other = dir.resolve("other");
        Files.createDirectories(other);
        Files.writeString(other.resolve("notes.txt"), "mine");
        Engram.at(other).run("demo").expect(ExitCodes.USAGE);
        assertThat(Files.list(other)).hasSize(1);
    }
}
