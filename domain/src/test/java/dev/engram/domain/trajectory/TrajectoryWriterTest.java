package dev.engram.domain.trajectory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.TestJson;
import org.junit.jupiter.api.Test;

class TrajectoryWriterTest {
    private final ReadContext context = new ReadContext(TrajectoryReaderTest.NOW, () -> "gen", null);
    private final TrajectoryReader reader = TrajectoryReader.withDefaults();

    @Test
    void writesWhatItReads_andReadsWhatItWrites() {
        Trajectory original = reader.read(TestJson.parse(TrajectoryReaderTest.EXAMPLE), context).orThrow();
        JsonObject written = TrajectoryWriter.toJson(original);

        assertThat(reader.read(written, context).orThrow()).isEqualTo(original);
        assertThat(written.members().keySet()).containsExactly("trajectory_id", "agent_id", "task_id", "task_description",
                "domain", "initial_state", "steps", "final_outcome", "reward", "metadata", "duration_seconds", "reflection",
                "loss", "created_at");
        assertThat(written.get("created_at")).isEqualTo(TestJson.parse("\"2026-11-20T10:00:45Z\""));
        assertThat(written.get("final_outcome")).isEqualTo(TestJson.parse("\"success\""));
    }

    @Test
    void leavesAbsentOptionalFieldsAbsent() {
        Trajectory t = reader.read(TestJson.parse("{\"agent_id\": \"a\", \"task_id\": \"t\", \"final_outcome\": \"success\", \"reward\": 1}"), context).orThrow();
        assertThat(TrajectoryWriter.toJson(t).members().keySet())
                .containsExactly("trajectory_id", "agent_id", "task_id", "domain", "steps", "final_outcome", "reward", "created_at");
    }

    @Test
    void roundTripsSeedEpisodesWithTheirStepCount() {
        ReadContext asAgent = new ReadContext(TrajectoryReaderTest.NOW, () -> "x", "sre");
        Trajectory t = reader.read(TestJson.parse("{\"task_id\": \"t\", \"score\": 0.9, \"steps\": 4, \"trajectory_summary\": \"ok\"}"), asAgent).orThrow();
        JsonObject written = TrajectoryWriter.toJson(t);
        assertThat(written.get("step_count")).isEqualTo(TestJson.parse("4"));
        assertThat(reader.read(written, asAgent).orThrow()).isEqualTo(t);
    }
}
