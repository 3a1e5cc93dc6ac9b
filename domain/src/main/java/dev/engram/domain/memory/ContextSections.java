package dev.engram.domain.memory;

import java.util.ArrayList;
import java.util.List;

/**
 * The sections of the seed's {@code build_memory_context}, line for line, read from the memory's bounded parts only:
 * each section costs at most its cap, never the length of the agent's history.
 */
final class ContextSections {
    private static final String ITEM = "  - ";

    private ContextSections() {
    }

    static List<ContextSection> render(String taskId, MemoryPolicy policy, RuleBook rules, DistinctTextLog mistakes,
            MistakeCards cards, EpisodeLog log, TaskScores taskScores) {
        boolean forTask = taskId != null && !taskId.isEmpty(); // the seed's `if task_id`
        List<ContextSection> sections = new ArrayList<>();
        if (forTask) {
            List<String> lines = new ArrayList<>();
            for (Rule rule : rules.list(RuleScope.task(taskId)).strongest(policy.rulesShown())) {
                lines.add(ITEM + rule.text());
            }
            addIfAny(sections, SectionKind.TASK_RULES, "Rules for " + taskId + ":", lines);
        }
        List<String> globalLines = new ArrayList<>();
        for (Rule rule : rules.list(RuleScope.GLOBAL).strongest(policy.rulesShown())) {
            globalLines.add(ITEM + rule.text());
        }
        addIfAny(sections, SectionKind.GLOBAL_RULES, "General rules (all tasks):", globalLines);
        List<String> mistakeLines = new ArrayList<>();
        for (String mistake : mistakes.newest(policy.mistakesShown())) {
            mistakeLines.add(ITEM + "AVOID: " + mistake);
        }
        addIfAny(sections, SectionKind.MISTAKES, "Mistakes to avoid:", mistakeLines);
        List<String> cardLines = new ArrayList<>();
        for (TrackedMistakeCard card : cards.strongest(policy.cardsShown())) {
            cardLines.add(ITEM + "[" + card.card().mistakeType() + ", seen " + card.seenCount() + "x] "
                    + card.card().lesson() + " Evidence: " + card.card().evidence());
        }
        addIfAny(sections, SectionKind.MISTAKE_CARDS, "Structured mistake cards:", cardLines);
        if (forTask) {
            List<String> episodeLines = new ArrayList<>();
            for (EpisodeLogEntry entry : log.recentOfTask(taskId, policy.recentEpisodesShown())) {
                episodeLines.add(ITEM + "Score " + HalfEvenDecimal.format(entry.score(), 2) + " in " + entry.steps()
                        + " steps: " + CodePointPrefix.of(entry.summary(), policy.episodeSummaryLimit()));
            }
            addIfAny(sections, SectionKind.RECENT_EPISODES, "Recent " + taskId + " episodes:", episodeLines);
            if (taskScores.count() > 0) {
                sections.add(new ContextSection(SectionKind.MEAN_SCORE, null, List.of("Your mean score on " + taskId
                        + ": " + HalfEvenDecimal.format(taskScores.mean(), 2) + " (over " + taskScores.count()
                        + " episodes)")));
            }
        }
        return sections;
    }

    private static void addIfAny(List<ContextSection> sections, SectionKind kind, String heading, List<String> lines) {
        if (!lines.isEmpty()) {
            sections.add(new ContextSection(kind, heading, lines));
        }
    }
}
