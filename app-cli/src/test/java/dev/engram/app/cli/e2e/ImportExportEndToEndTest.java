package dev.engram.app.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.app.cli.ExitCodes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** export and import: a full backup restored elsewhere is the same store; seed 004's memory file moves over whole. */
class ImportExportEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void anExportOfEverythingRestoresTheSameStore_andImportingAgainAddsNothing() throws IOException {
        Engram source = Engram.at(dir.resolve("source"));
        source.run("record", Engram.write(dir, "runs.jsonl", Runs.lines("run", 20)).toString()).expect(0);
        source.run("sample", "-n", "5", "--seed", "1").expect(0); // replay counts travel too
        Path backup = dir.resolve("backup.jsonl");
        assertThat(source.run("export", "--what", "all", backup.toString()).expect(0).err()).contains("exported 23 lines to " + backup);
        assertThat(Files.readAllLines(backup).get(0)).contains("\"type\":\"engram_export\"");

        Engram copy = Engram.at(dir.resolve("copy"));
        assertThat(copy.run("import", backup.toString()).expect(0).out()).contains("read 23, stored 20, unchanged 0", "memories restored 2");
        assertThat(copy.run("export", "--what", "all").expect(0).out()).isEqualTo(Files.readString(backup));
        assertThat(copy.runWithInput(Files.readString(backup), "import", "-").expect(0).out())
                .contains("stored 0, unchanged 20", "kept the existing memory of builder_agent, sre_agent");

        // trajectories alone, as record reads them
        Engram fromLines = Engram.at(dir.resolve("lines"));
        String lines = source.run("export").expect(0).out();
        fromLines.runWithInput(lines, "record", "-").expect(0);
        assertThat(fromLines.run("export").expect(0).out()).isEqualTo(lines);
    }

    @Test
    void anImportWithABadLineStoresNothingUnlessPartial() {
        Engram engram = Engram.at(dir.resolve("data"));
        Path input = Engram.write(dir, "in.jsonl", Runs.line("in", 0) + "\n{\"agent_id\": \"a\"}\n" + Runs.line("in", 1) + "\n");
        Engram.Result refused = engram.run("import", input.toString()).expect(ExitCodes.INVALID_INPUT);
        assertThat(refused.err()).contains("line 2: final_outcome: is required", "nothing stored: 1 of 3 lines refused");
        assertThat(Json.of(engram.run("stats", "--json").expect(0).out()).at("total_trajectories").number()).isZero();
        assertThat(engram.run("import", "--partial", input.toString()).expect(ExitCodes.INVALID_INPUT).out()).contains("stored 2");
        engram.run("import", dir.resolve("nothing-here.jsonl").toString()).expect(ExitCodes.NOT_FOUND);
        engram.run("import", Engram.write(dir, "empty.jsonl", "").toString()).expect(ExitCodes.INVALID_INPUT);
    }

    @Test
    void theSeedScriptsMemoryFileBecomesAnAgentsMemory() throws IOException {
        Path seedFile = dir.resolve("agent_memory.json");
        try (InputStream in = getClass().getResourceAsStream("/golden/seed_agent_memory.json")) {
            assertThat(in).as("the seed memory file of the domain's test jar").isNotNull();
            Files.copy(in, seedFile);
        }
        Json expected = Json.of(new String(getClass().getResourceAsStream("/golden/seed_agent_memory_expect.json").readAllBytes(),
                StandardCharsets.UTF_8));
        Engram engram = Engram.at(dir.resolve("data"));
        assertThat(engram.run("import", "--format", "seed-memory", "--agent", "sre_agent", seedFile.toString()).expect(0).out())
                .contains("as the memory of agent sre_agent", "130 episodes, 20 global rules");
        Json memory = Json.of(engram.run("memory", "show", "--agent", "sre_agent", "--json").expect(0).out());
        assertThat(memory.at("summary").value()).isEqualTo(expected.at("summary").value());
        for (Json context : expected.at("contexts").items()) {
            if (!context.at("task_id").isNull() && context.at("task_id").text().equals("deploy")) {
                assertThat(engram.run("context", "--agent", "sre_agent", "--task", "deploy", "--max-tokens", "100000").expect(0).out())
                        .isEqualTo(context.at("text").text() + "\n");
            }
        }
        assertThat(engram.run("import", "--format", "seed-memory", "--agent", "sre_agent", seedFile.toString())
                .expect(ExitCodes.INVALID_INPUT).err()).contains("agent sre_agent already has a memory");
        assertThat(engram.run("import", "--format", "seed-memory", seedFile.toString()).expect(ExitCodes.USAGE).err())
                .contains("--format seed-memory needs --agent");
        Path broken = Engram.write(dir, "broken.json", "{\"total_episodes\": 1, \"episode_log\": [{\"score\": 2}]}");
        assertThat(engram.run("import", "--format", "seed-memory", "--agent", "other", broken.toString()).expect(ExitCodes.INVALID_INPUT).err())
                .contains("episode_log[0].score: must be between 0 and 1, got 2", "episode_log[0].timestamp");
        Path malformed = Engram.write(dir, "malformed.json", "{\"total_episodes\": ");
        assertThat(engram.run("import", "--format", "seed-memory", "--agent", "other", malformed.toString())
                .expect(ExitCodes.INVALID_INPUT).err()).contains("line 1");
        engram.run("memory", "show", "--agent", "other").expect(ExitCodes.NOT_FOUND);
    }
}
