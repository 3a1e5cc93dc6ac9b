package dev.engram.domain.trajectory;

import dev.engram.domain.json.JsonArray;
import dev.engram.domain.json.JsonNumber;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.JsonString;
import dev.engram.domain.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * A trajectory as its wire-format JSON tree (INTERFACES.md). This and {@link TrajectoryReader} are the one mapping
 * of the wire format; front ends and stores that keep JSON turn these trees into text and back, nothing more.
 * Absent optional fields stay absent; the reflection is written only when it holds something.
 */
public final class TrajectoryWriter {
    private TrajectoryWriter() {
    }

    public static JsonObject toJson(Trajectory t) {
        JsonObject.Builder out = JsonObject.builder().put(TrajectoryFields.TRAJECTORY_ID, t.trajectoryId());
        writeContent(t, out);
        out.putIfPresent(TrajectoryFields.LOSS, t.loss() == null ? null : JsonNumber.of(t.loss()));
        out.put(TrajectoryFields.CREATED_AT, Timestamps.format(t.createdAt()));
        return out.build();
    }

    /** The fields that make up the content compared for idempotency: all but the id, created_at and loss. */
    static JsonObject contentOf(Trajectory t) {
        JsonObject.Builder out = JsonObject.builder();
        writeContent(t, out);
        return out.build();
    }

    private static void writeContent(Trajectory t, JsonObject.Builder out) {
        out.put(TrajectoryFields.AGENT_ID, t.agentId())
                .put(TrajectoryFields.TASK_ID, t.taskId())
                .putIfPresent(TrajectoryFields.TASK_DESCRIPTION, string(t.taskDescription()))
                .put(TrajectoryFields.DOMAIN, t.domain())
                .putIfPresent(TrajectoryFields.INITIAL_STATE, t.initialState())
                .put(TrajectoryFields.STEPS, steps(t.steps()))
                .putIfPresent(TrajectoryFields.STEP_COUNT, t.stepCount() == null ? null : JsonNumber.of(t.stepCount()))
                .put(TrajectoryFields.FINAL_OUTCOME, t.finalOutcome().wireName())
                .put(TrajectoryFields.REWARD, JsonNumber.of(t.reward()))
                .putIfPresent(TrajectoryFields.METADATA, t.metadata())
                .putIfPresent(TrajectoryFields.DURATION_SECONDS,
                        t.durationSeconds() == null ? null : JsonNumber.of(t.durationSeconds()));
        if (!t.reflection().isEmpty()) {
            out.put(TrajectoryFields.REFLECTION, reflection(t.reflection()));
        }
    }

    private static JsonArray steps(List<ActionStep> steps) {
        List<JsonValue> out = new ArrayList<>(steps.size());
        for (ActionStep step : steps) {
            out.add(JsonObject.builder()
                    .putIfPresent(TrajectoryFields.TIMESTAMP,
                            step.timestamp() == null ? null : new JsonString(Timestamps.format(step.timestamp())))
                    .put(TrajectoryFields.TOOL_NAME, step.toolName())
                    .put(TrajectoryFields.TOOL_ARGS, step.toolArgs())
                    .put(TrajectoryFields.TOOL_RESULT, step.toolResult())
                    .putIfPresent(TrajectoryFields.AGENT_REASONING, string(step.agentReasoning()))
                    .build());
        }
        return new JsonArray(out);
    }

    private static JsonObject reflection(Reflection r) {
        List<JsonValue> cards = new ArrayList<>(r.mistakeCards().size());
        for (MistakeCard card : r.mistakeCards()) {
            cards.add(JsonObject.builder()
                    .putIfPresent(TrajectoryFields.MISTAKE_TYPE, string(card.mistakeType()))
                    .putIfPresent(TrajectoryFields.TASK_ID, string(card.taskId()))
                    .putIfPresent(TrajectoryFields.WORKER_ID, string(card.workerId()))
                    .putIfPresent(TrajectoryFields.BAD_DECISION, string(card.badDecision()))
                    .putIfPresent(TrajectoryFields.CORRECT_DECISION, string(card.correctDecision()))
                    .putIfPresent(TrajectoryFields.EVIDENCE, string(card.evidence()))
                    .putIfPresent(TrajectoryFields.LESSON, string(card.lesson()))
                    .build());
        }
        return JsonObject.builder()
                .putIfPresent(TrajectoryFields.SUMMARY, string(r.summary()))
                .put(TrajectoryFields.MISTAKES, strings(r.mistakes()))
                .put(TrajectoryFields.SUCCESSES, strings(r.successes()))
                .put(TrajectoryFields.MISTAKE_CARDS, new JsonArray(cards))
                .build();
    }

    private static JsonArray strings(List<String> values) {
        List<JsonValue> out = new ArrayList<>(values.size());
        values.forEach(v -> out.add(new JsonString(v)));
        return new JsonArray(out);
    }

    private static JsonString string(String value) {
        return value == null ? null : new JsonString(value);
    }
}
