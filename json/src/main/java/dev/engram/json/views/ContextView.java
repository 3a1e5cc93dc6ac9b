package dev.engram.json.views;

import dev.engram.domain.json.JsonObject;
import dev.engram.domain.memory.MemoryContext;

/**
 * A memory context ({@code context --json}, {@code GET /v1/memory/{agent}/context}):
 * {@code {"agent_id", "task_id", "tokens", "text", "sections": [{"name", "heading", "lines"}]}}.
 */
public final class ContextView {
    private ContextView() {
    }

    public static JsonObject toJson(String agentId, String taskId, MemoryContext context) {
        return JsonObject.builder()
                .put("agent_id", agentId)
                .put("task_id", JsonValues.text(taskId))
                .put("tokens", context.tokens())
                .put("text", context.text())
                .put("sections", JsonValues.array(context.sections(), section -> JsonObject.builder()
                        .put("name", section.name())
                        .put("heading", JsonValues.text(section.heading()))
                        .put("lines", JsonValues.texts(section.lines()))
                        .build()))
                .build();
    }
}
