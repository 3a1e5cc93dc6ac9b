package dev.engram.adapters.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.JsonString;
import dev.engram.domain.trajectory.Trajectory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The request stays bounded however much evidence there is, and says what it left out. */
class EvidencePromptTest {
    @Test
    void evidenceBeyondTheBudgetIsLeftOutAndCounted() {
        List<Trajectory> successes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            successes.add(Evidence.success("ok-" + (i + 10)));
        }

        List<JsonObject> messages = new EvidencePrompt(100, 1_000).messages(
                Evidence.input(Evidence.memory().state(), successes, List.of(Evidence.FAILURE)));

        String user = ((JsonString) messages.get(1).get("content")).value();
        String evidence = user.substring(user.indexOf("\n{\"task_id\""));
        assertThat(evidence.codePointCount(0, evidence.length())).isLessThan(1_200);
        assertThat(user).containsPattern("\\(\\d+ more episodes left out for length\\)");
    }

    @Test
    void theCurrentRulesAreOfferedWithTheirIds() {
        List<JsonObject> messages = new EvidencePrompt(400, 24_000).messages(Evidence.input());

        String user = ((JsonString) messages.get(1).get("content")).value();
        assertThat(user).contains("\"rule_id\":\"" + Evidence.firstRule().id() + "\"").contains("\"importance\":2");
    }
}
