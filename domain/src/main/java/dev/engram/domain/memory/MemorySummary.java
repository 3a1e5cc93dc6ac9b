package dev.engram.domain.memory;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an agent's memory holds, in numbers: the seed's {@code memory_summary}, key for key. Maps keep the order in
 * which tasks were first seen, as the seed's dicts do.
 *
 * @param totalEpisodes      episodes recorded
 * @param globalRules        global rules held
 * @param taskRules          rules held per task (every task seen, possibly 0)
 * @param mistakesStored     distinct mistake texts held
 * @param mistakeCardsStored mistake cards held
 * @param topMistakeCards    the five strongest cards, strongest first
 * @param scoresByTask       mean score per task, rounded to 3 places as Python's {@code round} does
 */
public record MemorySummary(
        long totalEpisodes,
        int globalRules,
        Map<String, Integer> taskRules,
        int mistakesStored,
        int mistakeCardsStored,
        List<CardCount> topMistakeCards,
        Map<String, Double> scoresByTask) {

    /** How many cards the summary lists. */
    public static final int TOP_CARDS = 5;

    public MemorySummary {
        taskRules = Collections.unmodifiableMap(new LinkedHashMap<>(taskRules));
        topMistakeCards = List.copyOf(topMistakeCards);
        scoresByTask = Collections.unmodifiableMap(new LinkedHashMap<>(scoresByTask));
    }

    /** One line of the top cards. */
    public record CardCount(String mistakeType, String taskId, long seenCount) {
        public CardCount {
            Objects.requireNonNull(mistakeType, "mistakeType");
            Objects.requireNonNull(taskId, "taskId");
        }
    }
}
