package dev.engram.app.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.app.cli.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command that needs data, on a data dir that does not exist: it says so, exits 4, and creates nothing. */
class MissingDataDirEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void readCommandsAndWritesToExistingDataExit4AndCreateNothing() {
        Path missing = dir.resolve("no-such-data");
        Engram engram = Engram.at(missing);
        List<List<String>> commands = List.of(
                List.of("get", "run-001"),
                List.of("list"),
                List.of("sample", "-n", "3"),
                List.of("top", "--task", "deploy", "--successes"),
                List.of("stats", "--json"),
                List.of("context", "--agent", "builder_agent"),
                List.of("memory", "show", "--agent", "builder_agent"),
                List.of("memory", "forget", "--agent", "builder_agent"),
                List.of("consolidate"),
                List.of("prune", "--older-than", "30d"),
                List.of("export"));
        for (List<String> command : commands) {
            Engram.Result result = engram.run(command.toArray(String[]::new));
            assertThat(result.exit()).as(command + ": " + result.err()).isEqualTo(ExitCodes.NOT_FOUND);
            assertThat(result.err()).as(command.toString()).contains("there is no engram data at " + missing);
            assertThat(result.out()).as(command.toString()).isEmpty();
        }
        Engram.Result priorities = engram.runWithInput("{\"trajectory_id\": \"run-001\", \"loss\": 0.5}\n", "priorities", "-");
        priorities.expect(ExitCodes.NOT_FOUND);
        Json error = Json.of(engram.run("--json", "get", "run-001").expect(ExitCodes.NOT_FOUND).err());
        assertThat(error.at("error", "code").text()).isEqualTo("not_found");
        assertThat(Files.exists(missing)).as("the data dir was created").isFalse();
    }
}
