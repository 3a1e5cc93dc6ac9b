package dev.engram.domain.trajectory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.domain.json.TestJson;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ContentHashTest {
    private final TrajectoryReader reader = TrajectoryReader.withDefaults();

    private Trajectory read(String json, Instant now) {
        return reader.read(TestJson.parse(json), new ReadContext(now, () -> "gen", null)).orThrow();
    }

    private Trajectory read(String json) {
        return read(json, TrajectoryReaderTest.NOW);
    }

    @Test
    void aFaithfulResendHasTheSameContent_evenWithServerFilledTimeAndANewLoss() {
        String json = "{\"trajectory_id\": \"r1\", \"agent_id\": \"a\", \"task_id\": \"t\", \"final_outcome\": \"success\", \"reward\": 1, \"loss\": 0.3}";
        Trajectory first = read(json, Instant.parse("2026-01-01T00:00:00Z"));
        Trajectory resent = read(json.replace("0.3", "0.9"), Instant.parse("2026-02-01T00:00:00Z"));

        assertThat(first.contentHash()).hasSize(64).isEqualTo(resent.contentHash());
    }

    @Test
    void theHashFollowsMeaning_notSpelling() {
        String a = "{\"agent_id\": \"a\", \"task_id\": \"t\", \"final_outcome\": \"SUCCESS\", \"reward\": 1, \"metadata\": {\"x\": 1.0, \"y\": [1, 2]}}";
        String b = "{\"metadata\": {\"y\": [1, 2], \"x\": 1}, \"reward\": 1.00, \"final_outcome\": \"success\", \"task_id\": \"t\", \"agent_id\": \"a\"}";
        assertThat(read(a).contentHash()).isEqualTo(read(b).contentHash());
    }

    @Test
    void anyChangeAClientMakesChangesTheHash() {
        String base = "{\"agent_id\": \"a\", \"task_id\": \"t\", \"final_outcome\": \"success\", \"reward\": 1, \"metadata\": {\"x\": [1, 2]}}";
        String hash = read(base).contentHash();
        assertThat(read(base.replace("\"reward\": 1", "\"reward\": 0.9")).contentHash()).isNotEqualTo(hash);
        assertThat(read(base.replace("[1, 2]", "[2, 1]")).contentHash()).isNotEqualTo(hash);
        assertThat(read(base.replace("[1, 2]", "[1, \"2\"]")).contentHash()).isNotEqualTo(hash);
        assertThat(read(base.replace("\"task_id\": \"t\"", "\"task_id\": \"u\"")).contentHash()).isNotEqualTo(hash);
        assertThat(read(base.replace("\"success\"", "\"partial\"")).contentHash()).isNotEqualTo(hash);
    }
}
