package dev.engram.app.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.app.cli.ExitCodes;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands that change what exists: priorities, consolidate, memory forget, prune. */
class MaintenanceEndToEndTest {
    @TempDir
    Path dir;

    private Engram recorded(int runs) {
        Engram engram = Engram.at(dir.resolve("data"));
        engram.run("record", Engram.write(dir, "runs.jsonl", Runs.lines("run", runs)).toString()).expect(0);
        return engram;
    }

    @Test
    void prioritiesUpdateLossesAllOrNothing_namingBadLines() {
        Engram engram = recorded(6);
        Engram.Result updated = engram.runWithInput("{\"trajectory_id\": \"run-000\", \"loss\": 3.5}\n"
                + "{\"trajectory_id\": \"gone-999\", \"loss\": 0.1}\n", "priorities", "-").expect(0);
        assertThat(updated.out()).contains("updated 1 priorities", "skipped 1 ids that are not stored: gone-999");
        assertThat(Json.of(engram.run("get", "run-000", "--json").expect(0).out()).at("loss").decimal()).isEqualTo(3.5);
        Json top = Json.of(engram.run("sample", "-n", "1", "--strategy", "top", "--json").expect(0).out());
        assertThat(top.at("items", 0, "trajectory_id").text()).isEqualTo("run-000");

        Engram.Result refused = engram.runWithInput("{\"trajectory_id\": \"run-001\", \"loss\": 0.05}\n"
                + "{\"trajectory_id\": \"run-002\", \"loss\": -1}\n"
                + "{\"trajectory_id\": \"run-003\"}\n"
                + "[1, 2]\n"
                + "{\"trajectory_id\": \"run-004\", \"loss\": 1e999, \"extra\": true}\n", "priorities", "-").expect(ExitCodes.INVALID_INPUT);
        assertThat(refused.err()).contains(
                "line 2: loss: must be a finite number of at least 0, got -1",
                "line 3: loss: is required",
                "line 4: a priority is an object",
                "line 5: extra: is not a field of a priority",
                "line 5: loss: must be a finite number of at least 0",
                "nothing was updated");
        assertThat(Json.of(engram.run("get", "run-001", "--json").expect(0).out()).at("loss").decimal())
                .as("the valid first line was not applied either").isEqualTo(1.2);
        engram.runWithInput("", "priorities", "-").expect(ExitCodes.INVALID_INPUT);
    }

    @Test
    void consolidateStoresRulesUnlessDry_forgetErasesOneAgent_pruneDeletesOldRuns() {
        Engram engram = recorded(12);
        Json dry = Json.of(engram.run("consolidate", "--dry-run", "--json").expect(0).out());
        assertThat(dry.at("reports").items()).hasSize(2).allSatisfy(r -> assertThat(r.keys())
                .containsExactly("agent_id", "source", "fallback_reason", "applied", "changes"));
        assertThat(dry.at("reports", 0, "applied").bool()).isFalse();
        int before = Json.of(engram.run("memory", "show", "--agent", "builder_agent", "--json").expect(0).out())
                .at("global_rules").size();
        assertThat(engram.run("consolidate", "--agent", "builder_agent").expect(0).out()).contains("builder_agent: ", "by heuristic, stored");
        assertThat(Json.of(engram.run("memory", "show", "--agent", "builder_agent", "--json").expect(0).out())
                .at("global_rules").size()).isGreaterThan(before);

        assertThat(engram.run("memory", "forget", "--agent", "sre_agent").expect(0).out())
                .contains("forgot agent sre_agent: 6 trajectories, its memory, 6 replay index entries");
        engram.run("memory", "show", "--agent", "sre_agent").expect(ExitCodes.NOT_FOUND);
        engram.run("get", "run-001").expect(ExitCodes.NOT_FOUND);
        engram.run("get", "run-000").expect(0);
        assertThat(engram.run("memory", "forget", "--agent", "sre_agent").expect(0).out()).contains("nothing to forget");

        // the runs were created in January 2024: a day's age covers them all, a hundred years none
        assertThat(engram.run("prune", "--older-than", "5000w").expect(0).out()).contains("deleted 0 trajectories older than 5000w");
        assertThat(Json.of(engram.run("prune", "--older-than", "1d", "--json").expect(0).out()).at("deleted").number()).isEqualTo(6);
        assertThat(Json.of(engram.run("stats", "--json").expect(0).out()).at("total_trajectories").number()).isZero();
        assertThat(engram.run("prune", "--older-than", "soon").expect(ExitCodes.USAGE).err()).contains("not a duration: 'soon'");
    }
}
