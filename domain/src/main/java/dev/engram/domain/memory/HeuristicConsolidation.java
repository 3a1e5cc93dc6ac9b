package dev.engram.domain.memory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The consolidation that needs no language model (the seed's {@code _heuristic_consolidate}): every logged episode
 * scoring at least the policy's high-score threshold, with a summary, becomes the global rule
 * {@code [HIGH SCORE 0.92] <summary cut to 120 code points>}.
 *
 * <p>A pure function from the episode log to rule changes. Applied as one batch by
 * {@link AgentMemory#consolidate}, the result equals the seed's: a text already held keeps its place (the seed's
 * {@code dict.fromkeys} keeps the first occurrence), new ones are appended in log order, and the global list is cut
 * to its newest 20 (with equal importances, lowest rank means oldest).
 */
public final class HeuristicConsolidation {
    private HeuristicConsolidation() {
    }

    public static List<RuleChange> changes(List<EpisodeLogEntry> log, MemoryPolicy policy) {
        Map<String, List<String>> trajectoriesByRule = new LinkedHashMap<>();
        for (EpisodeLogEntry entry : log) {
            if (entry.score() >= policy.highScoreThreshold() && !entry.summary().isEmpty()) {
                String text = "[HIGH SCORE " + HalfEvenDecimal.format(entry.score(), 2) + "] "
                        + CodePointPrefix.of(entry.summary(), policy.consolidatedSummaryLimit());
                trajectoriesByRule.computeIfAbsent(text, key -> new ArrayList<>()).add(entry.trajectoryId());
            }
        }
        List<RuleChange> changes = new ArrayList<>(trajectoriesByRule.size());
        trajectoriesByRule.forEach((text, trajectoryIds) -> changes.add(
                new RuleChange.Add(RuleScope.GLOBAL, text, Polarity.WORKS, RuleSource.HEURISTIC, trajectoryIds)));
        return changes;
    }
}
