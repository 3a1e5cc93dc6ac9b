package dev.engram.domain.trajectory;

import dev.engram.domain.json.JsonNull;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.JsonValue;
import java.time.Instant;
import java.util.Objects;

/**
 * One tool call of a run.
 *
 * @param timestamp      when it happened; may be absent
 * @param toolName       the tool called
 * @param toolArgs       its arguments, any JSON object, kept exactly as sent
 * @param toolResult     what it returned, any JSON value
 * @param agentReasoning why the agent chose it; may be absent
 */
public record ActionStep(Instant timestamp, String toolName, JsonObject toolArgs, JsonValue toolResult, String agentReasoning) {
    public ActionStep {
        Objects.requireNonNull(toolName, "toolName");
        toolArgs = toolArgs == null ? JsonObject.EMPTY : toolArgs;
        toolResult = toolResult == null ? JsonNull.NULL : toolResult;
    }
}
