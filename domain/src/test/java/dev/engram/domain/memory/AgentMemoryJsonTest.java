package dev.engram.domain.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.trajectory.MistakeCard;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentMemoryJsonTest {
    private static AgentMemory busyMemory() {
        AgentMemory memory = AgentMemory.empty("agent-ü", MemoryPolicy.defaults());
        String[] tasks = {"deploy", "triage", "review 🧠"};
        for (int i = 0; i < 75; i++) {
            double score = (i % 11) / 10.0;
            memory.record(new Episode("t" + i, tasks[i % 3], score, i % 9, "summary " + i, List.of("mistake " + (i % 7)),
                    List.of("success " + (i % 5)), List.of(new MistakeCard("type" + (i % 4), null, i % 2 == 0 ? "w1" : null,
                            "bad", "good " + (i % 3), "evidence " + i, "lesson " + i)), Instant.parse("2026-11-01T00:00:00Z").plusSeconds(i)));
            if (memory.consolidationDue()) {
                memory.consolidate(HeuristicConsolidation.changes(memory.episodeLog(), memory.policy()));
            }
        }
        return memory;
    }

    @Test
    void roundTripsEveryFieldOfTheState() {
        AgentMemoryState state = busyMemory().state();
        JsonObject json = AgentMemoryJson.toJson(state);

        assertThat(AgentMemoryJson.fromJson(json)).isEqualTo(state);
        assertThat(state.globalRules()).isNotEmpty();
        assertThat(state.taskRules()).isNotEmpty();
        assertThat(state.mistakeCards()).isNotEmpty();
        AgentMemory restored = AgentMemory.restore(AgentMemoryJson.fromJson(json), MemoryPolicy.defaults());
        assertThat(restored.context("deploy")).isEqualTo(busyMemory().context("deploy"));
    }

    @Test
    void corruptStatesAreRefusedNamingTheField() {
        Map<String, dev.engram.domain.json.JsonValue> members = new LinkedHashMap<>(AgentMemoryJson.toJson(busyMemory().state()).members());
        members.remove("total_episodes");
        assertThatThrownBy(() -> AgentMemoryJson.fromJson(new JsonObject(members)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BACKEND_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("total_episodes is missing");
                });
        members.put("total_episodes", dev.engram.domain.json.JsonNumber.of(1));
        members.put("format", dev.engram.domain.json.JsonNumber.of(99));
        assertThatThrownBy(() -> AgentMemoryJson.fromJson(new JsonObject(members))).hasMessageContaining("reads format 1");
    }
}
