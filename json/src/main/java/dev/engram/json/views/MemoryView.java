package dev.engram.json.views;

import dev.engram.application.port.in.AgentMemoryView;
import dev.engram.domain.json.JsonArray;
import dev.engram.domain.json.JsonNumber;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.memory.AgentMemoryJson;
import dev.engram.domain.memory.AgentMemoryState;
import dev.engram.domain.memory.Rule;
import java.util.List;

/**
 * An agent's memory as people and tools read it ({@code memory show --json}, {@code GET /v1/memory/{agent}}): the
 * seed-style summary, scores per task, every rule with its importance and provenance (who made it, from which
 * trajectories, when), the mistake cards with their seen counts, the kept mistake and success texts and the recent
 * episode log. Rules, cards and log entries have the shape of the stored memory ({@link AgentMemoryJson}): one
 * mapping of them, not two; the rest is arranged for readers (the summary first, scores as means).
 */
public final class MemoryView {
    private MemoryView() {
    }

    public static JsonObject toJson(AgentMemoryView view) {
        AgentMemoryState s = view.state();
        JsonObject.Builder scores = JsonObject.builder();
        s.scoresByTask().forEach((task, t) -> scores.put(task, JsonObject.builder()
                .put("episodes", t.count())
                .put("mean", t.mean())
                .put("recent", JsonValues.array(t.recentScores(), JsonNumber::of))
                .build()));
        JsonObject.Builder taskRules = JsonObject.builder();
        s.taskRules().forEach((task, rules) -> taskRules.put(task, rules(rules)));
        return JsonObject.builder()
                .put("namespace", view.namespace())
                .put("agent_id", s.agentId())
                .put("total_episodes", s.totalEpisodes())
                .put("last_consolidated_at_episode", s.lastConsolidatedAt())
                .put("summary", MemorySummaryView.toJson(view.summary()))
                .put("scores", scores.build())
                .put("task_rules", taskRules.build())
                .put("global_rules", rules(s.globalRules()))
                .put("mistake_cards", JsonValues.array(s.mistakeCards(), AgentMemoryJson::card))
                .put("mistakes", JsonValues.texts(s.mistakes()))
                .put("successes", JsonValues.texts(s.successes()))
                .put("episode_log", JsonValues.array(s.episodeLog(), AgentMemoryJson::episode))
                .build();
    }

    private static JsonArray rules(List<Rule> rules) {
        return JsonValues.array(rules, AgentMemoryJson::rule);
    }
}
