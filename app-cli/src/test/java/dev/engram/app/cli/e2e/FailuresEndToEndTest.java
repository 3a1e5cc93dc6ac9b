package dev.engram.app.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.app.cli.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes 5 (an unusable store), 2 (a bad configuration) and 1 (a bug: a short message and a log, no stack trace). */
class FailuresEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void aCorruptStoreIsReportedAndLeftAsItWas() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        byte[] junk = "this is not an SQLite database, it only has its name".repeat(40).getBytes();
        Files.write(data.resolve("engram.db"), junk);
        Engram engram = Engram.at(data);
        assertThat(engram.run("stats").expect(ExitCodes.BACKEND).err()).contains("engram.db is not an SQLite database");
        assertThat(engram.runWithInput(Runs.line("run", 0), "record", "-").expect(ExitCodes.BACKEND).err())
                .contains("is not an SQLite database");
        assertThat(Files.readAllBytes(data.resolve("engram.db"))).isEqualTo(junk);
    }

    @Test
    void aBadConfigurationIsAUsageErrorNamingTheKey() {
        Path config = Engram.write(dir, "engram.yaml", "storage: sqlite\nsqlite:\n  buzy_timeout: 5s\n");
        Engram engram = Engram.at(dir.resolve("data"));
        assertThat(engram.run("--config", config.toString(), "record", Engram.write(dir, "r.jsonl", Runs.line("r", 0)).toString())
                .expect(ExitCodes.USAGE).err()).contains("sqlite.buzy_timeout: is not a setting of sqlite");
        assertThat(engram.withEnv(Map.of("ENGRAM_STORAGE", "cassandra")).run("stats").expect(ExitCodes.USAGE).err())
                .contains("storage: no plugin named 'cassandra' was found; plugins found: ", "sqlite (storage)").doesNotContain("\tat ");
    }

    @Test
    void aBugIsOneShortMessageWithALog_andTheStackTraceOnlyWithDebug() throws Exception {
        Path config = Engram.write(dir, "engram.yaml", "storage: exploding\n");
        Engram engram = Engram.at(dir.resolve("data"));
        Engram.Result bug = engram.run("--config", config.toString(), "get", "run-001").expect(ExitCodes.BUG);
        assertThat(bug.err()).contains("engram: unexpected failure (a bug): IllegalStateException: the exploding plugin's get failed")
                .doesNotContain("\tat ");
        Matcher log = Pattern.compile("details in (\\S+engram-error-\\S+\\.log)").matcher(bug.err());
        assertThat(log.find()).as("a log is named: " + bug.err()).isTrue();
        assertThat(Files.readString(Path.of(log.group(1)))).contains("java.lang.IllegalStateException", "\tat ");
        Files.delete(Path.of(log.group(1)));

        Engram.Result debug = engram.withEnv(Map.of("ENGRAM_DEBUG", "1")).run("--config", config.toString(), "get", "run-001")
                .expect(ExitCodes.BUG);
        assertThat(debug.err()).contains("\tat ");
        Json json = Json.of(engram.run("--config", config.toString(), "--json", "get", "run-001").expect(ExitCodes.BUG).err());
        assertThat(json.at("error", "code").text()).isEqualTo("internal");
        deleteNamedLog(debug.err());
        deleteNamedLog(json.at("error", "message").text());
    }

    private static void deleteNamedLog(String text) throws Exception {
        Matcher log = Pattern.compile("details in (\\S+engram-error-\\S+\\.log)").matcher(text);
        if (log.find()) {
            Files.deleteIfExists(Path.of(log.group(1).replaceAll(";$", "")));
        }
    }
}
