package dev.engram.json.views;

import dev.engram.domain.json.JsonNumber;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.memory.MemorySummary;

/** The seed's {@code memory_summary}, key for key and in its order (inside {@code stats} and {@code memory show}). */
public final class MemorySummaryView {
    private MemorySummaryView() {
    }

    public static JsonObject toJson(MemorySummary summary) {
        JsonObject.Builder taskRules = JsonObject.builder();
        summary.taskRules().forEach((task, count) -> taskRules.put(task, count.longValue()));
        JsonObject.Builder scores = JsonObject.builder();
        summary.scoresByTask().forEach((task, mean) -> scores.put(task, JsonNumber.of(mean)));
        return JsonObject.builder()
                .put("total_episodes", summary.totalEpisodes())
                .put("global_rules", summary.globalRules())
                .put("task_rules", taskRules.build())
                .put("mistakes_stored", summary.mistakesStored())
                .put("mistake_cards_stored", summary.mistakeCardsStored())
                .put("top_mistake_cards", JsonValues.array(summary.topMistakeCards(), card -> JsonObject.builder()
                        .put("mistake_type", card.mistakeType())
                        .put("task_id", card.taskId())
                        .put("seen_count", card.seenCount())
                        .build()))
                .put("scores_by_task", scores.build())
                .build();
    }
}
