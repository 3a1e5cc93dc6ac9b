package dev.engram.domain.memory;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything an {@link AgentMemory} holds, as plain values, for stores to persist and
 * {@link AgentMemory#restore} to rebuild losslessly. Lists are in the memory's own order (oldest first, cards as
 * ranked, rules in learning order) and maps in the order tasks were first seen; both orders matter and are kept.
 *
 * @param agentId            the agent
 * @param version            changes made to the memory so far, for optimistic concurrency in stores
 * @param totalEpisodes      episodes recorded
 * @param lastConsolidatedAt the episode count at the last consolidation, 0 before the first
 * @param scoresByTask       scores per task
 * @param episodeLog         recent episodes, oldest first
 * @param mistakes           distinct mistake texts, oldest first
 * @param successes          distinct success texts, oldest first
 * @param mistakeCards       mistake cards in their kept order
 * @param taskRules          rules per task, each list in learning order
 * @param globalRules        global rules in learning order
 */
public record AgentMemoryState(
        String agentId,
        long version,
        long totalEpisodes,
        long lastConsolidatedAt,
        Map<String, TaskScores> scoresByTask,
        List<EpisodeLogEntry> episodeLog,
        List<String> mistakes,
        List<String> successes,
        List<TrackedMistakeCard> mistakeCards,
        Map<String, List<Rule>> taskRules,
        List<Rule> globalRules) {

    public AgentMemoryState {
        Objects.requireNonNull(agentId, "agentId");
        scoresByTask = orderedCopy(scoresByTask);
        episodeLog = List.copyOf(episodeLog);
        mistakes = List.copyOf(mistakes);
        successes = List.copyOf(successes);
        mistakeCards = List.copyOf(mistakeCards);
        Map<String, List<Rule>> rules = new LinkedHashMap<>();
        taskRules.forEach((task, list) -> rules.put(Objects.requireNonNull(task, "task"), List.copyOf(list)));
        taskRules = Collections.unmodifiableMap(rules);
        globalRules = List.copyOf(globalRules);
    }

    private static <V> Map<String, V> orderedCopy(Map<String, V> map) {
        Map<String, V> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value")));
        return Collections.unmodifiableMap(copy);
    }
}
