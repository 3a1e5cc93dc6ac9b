package dev.engram.app.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.app.cli.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code engram record} as a user runs it: files, standard input, idempotency, --partial, and bad input of every kind. */
class RecordEndToEndTest {
    @TempDir
    Path dir;

    private Engram engram() {
        return Engram.at(dir.resolve("data"));
    }

    @Test
    void recordsJsonLinesAnArrayAndStandardInput_andTheSameContentAgainChangesNothing() {
        Engram engram = engram();
        Path runs = Engram.write(dir, "runs.jsonl", Runs.lines("run", 3));
        assertThat(engram.run("record", runs.toString()).expect(0).out())
                .contains("stored 3, unchanged 0").contains("stored    run-000");
        Json again = Json.of(engram.run("--json", "record", runs.toString()).expect(0).out());
        assertThat(again.at("stored").number()).isZero();
        assertThat(again.at("unchanged").number()).isEqualTo(3);
        assertThat(again.at("items", 2, "status").text()).isEqualTo("unchanged");

        Path array = Engram.write(dir, "array.json", "[\n" + Runs.line("arr", 0) + ",\n" + Runs.line("arr", 1) + "\n]");
        assertThat(engram.run("record", array.toString()).expect(0).out()).contains("stored 2");
        assertThat(engram.runWithInput(Runs.line("stdin", 7), "record", "-").expect(0).out()).contains("stored 1");

        // a seed-style episode names no agent and no id: --agent fills the agent, the id is a hash of the content
        String episode = "{\"task_id\": \"root_cause_analysis\", \"score\": 0.82, \"steps\": 7, "
                + "\"trajectory_summary\": \"Investigated auth-service first, found JWT expiry bug\", "
                + "\"mistakes\": [\"Escalated too early before diagnosing\"], \"successes\": [\"Correctly identified root cause on step 3\"]}";
        Json seeded = Json.of(engram.runWithInput(episode, "record", "--agent", "seed_agent", "--json").expect(0).out());
        assertThat(seeded.at("stored").number()).isEqualTo(1);
        assertThat(Json.of(engram.runWithInput(episode, "record", "--agent", "seed_agent", "--json").expect(0).out())
                .at("unchanged").number()).isEqualTo(1);
        Json got = Json.of(engram.run("get", seeded.at("items", 0, "trajectory_id").text(), "--json").expect(0).out());
        assertThat(got.at("final_outcome").text()).isEqualTo("partial");
        assertThat(got.at("step_count").number()).isEqualTo(7);

        // arbitrary JSON comes back exactly, numbers included; secrets do not
        Json stored = Json.of(engram.run("get", "run-001", "--json").expect(0).out());
        assertThat(stored.at("steps", 0, "tool_result", "big").number()).isEqualTo(12345678901234567L);
        assertThat(stored.at("steps", 0, "tool_args", "token").text()).isEqualTo("[REDACTED]");
    }

    @Test
    void partialStoresTheValidItemsAndListsTheRefusedOnes() {
        Engram engram = engram();
        Path mixed = Engram.write(dir, "mixed.jsonl", Runs.line("ok", 0) + "\n" + Runs.line("bad", 1).replace("\"reward\": 0.11", "\"reward\": 7") + "\n");
        Engram.Result refused = engram.run("record", mixed.toString()).expect(ExitCodes.INVALID_INPUT);
        assertThat(refused.err()).contains("line 2 (bad-001)", "reward: must be between 0 and 1, got 7", "nothing stored");
        Engram.Result partial = engram.run("record", "--partial", mixed.toString()).expect(ExitCodes.INVALID_INPUT);
        assertThat(partial.out()).contains("stored 1, unchanged 0, refused 1");
        assertThat(partial.err()).contains("line 2 (bad-001): reward: must be between 0 and 1, got 7");
        engram.run("get", "ok-000").expect(0);
        engram.run("get", "bad-001").expect(ExitCodes.NOT_FOUND);
    }

    @Test
    void badInputOfEveryKindIsRefusedWhole_namingLineAndField_andTheStoreStaysAsItWas() throws IOException {
        Engram engram = engram();
        engram.run("record", Engram.write(dir, "base.jsonl", Runs.lines("base", 4)).toString()).expect(0);
        String before = engram.run("export", "--what", "all").expect(0).out();

        Map<String, String> cases = new LinkedHashMap<>();
        String ok = Runs.line("new", 0);
        cases.put("malformed.jsonl", ok + "\n{\"agent_id\": \"a\" \"task_id\": \"t\"}\n");
        cases.put("types.jsonl", "{\"agent_id\": 5, \"task_id\": \"t\", \"final_outcome\": \"winning\", \"reward\": \"1\"}\n");
        cases.put("range.jsonl", ok + "\n" + Runs.line("new", 1) + "\n" + Runs.line("new", 2).replace("\"reward\": 0.60", "\"reward\": 1.5") + "\n");
        cases.put("nan.jsonl", "{\"agent_id\": \"a\", \"task_id\": \"t\", \"final_outcome\": \"success\", \"reward\": NaN}\n");
        cases.put("huge.jsonl", "{\"agent_id\": \"a\", \"task_id\": \"t\", \"final_outcome\": \"success\", \"reward\": 1, "
                + "\"metadata\": {\"x\": \"" + "y".repeat(2 * 1024 * 1024) + "\"}}\n");
        cases.put("deep.jsonl", "{\"agent_id\": \"a\", \"task_id\": \"t\", \"final_outcome\": \"success\", \"reward\": 1, \"metadata\": "
                + "{\"k\": ".repeat(200) + "1" + "}".repeat(200) + "}\n");
        cases.put("conflict.jsonl", ok + "\n" + Runs.line("base", 1).replace("\"reward\": 0.11", "\"reward\": 0.12") + "\n");
        cases.put("twice.jsonl", ok + "\n" + ok.replace("\"reward\": 0.90", "\"reward\": 0.95") + "\n");
        cases.put("dupkey.jsonl", "{\"agent_id\": \"a\", \"task_id\": \"t\", \"final_outcome\": \"success\", \"reward\": 1, \"reward\": 0}\n");
        cases.put("empty.jsonl", "");
        Map<String, String> expected = Map.of(
                "malformed.jsonl", "line 2: ",
                "types.jsonl", "line 1: agent_id: must be a string, got number",
                "range.jsonl", "line 3 (new-002): reward: must be between 0 and 1, got 1.5",
                "nan.jsonl", "line 1: NaN is not a JSON number",
                "huge.jsonl", "line 1: metadata.x: string is 2097152 characters, over the limit of 65536",
                "deep.jsonl", "nesting is deeper than the limit of 64 levels",
                "conflict.jsonl", "line 2 (base-001): trajectory_id: is already stored with other content",
                "twice.jsonl", "line 2 (new-000): trajectory_id: appears earlier in this batch with other content",
                "dupkey.jsonl", "line 1: Duplicate Object property \"reward\"",
                "empty.jsonl", "holds no trajectories (it is empty)");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Engram.Result result = engram.run("record", Engram.write(dir, c.getKey(), c.getValue()).toString());
            assertThat(result.exit()).as(c.getKey() + ": " + result.err()).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(result.err()).as(c.getKey()).contains(expected.get(c.getKey()));
            assertThat(result.out()).as(c.getKey()).isEmpty();
        }
        byte[] junk = new byte[512];
        new Random(7).nextBytes(junk);
        junk[0] = (byte) 0xC3; // a UTF-8 lead byte followed by no continuation: not text
        junk[1] = (byte) 0x28;
        Path binary = Files.write(dir.resolve("junk.bin"), junk);
        assertThat(engram.run("record", binary.toString()).expect(ExitCodes.INVALID_INPUT).err()).contains("line 1: the input is not UTF-8 text");
        assertThat(engram.run("record", dir.resolve("missing.jsonl").toString()).expect(ExitCodes.NOT_FOUND).err())
                .contains("missing.jsonl: there is no such file");

        Json error = Json.of(engram.run("--json", "record", dir.resolve("range.jsonl").toString()).expect(ExitCodes.INVALID_INPUT).err());
        assertThat(error.at("error", "code").text()).isEqualTo("invalid_trajectory");
        assertThat(error.at("error", "details", 0, "line").number()).isEqualTo(3);
        assertThat(error.at("error", "details", 0, "field").text()).isEqualTo("reward");

        assertThat(engram.run("export", "--what", "all").expect(0).out()).isEqualTo(before);
    }
}
