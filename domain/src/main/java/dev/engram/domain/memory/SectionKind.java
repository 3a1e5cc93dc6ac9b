package dev.engram.domain.memory;

import java.util.Locale;

/**
 * The sections of a memory context, in the order the seed renders them, each with its place in the order in which
 * lines are dropped when the context is over its token budget.
 *
 * <p>Dropped first to last: recent episodes (narrative, the least actionable), the mean score (one line of
 * self-awareness), raw mistake texts (the structured cards and the [AVOID] rules say the same better), mistake
 * cards, global rules, and last the task's own rules (distilled and specific to the task at hand). Within a
 * section, the least useful line goes first: the oldest episode or mistake, the least-seen card, the weakest rule.
 */
public enum SectionKind {
    TASK_RULES(6, DropEnd.FIRST),
    GLOBAL_RULES(5, DropEnd.FIRST),
    MISTAKES(3, DropEnd.FIRST),
    MISTAKE_CARDS(4, DropEnd.LAST),
    RECENT_EPISODES(1, DropEnd.FIRST),
    MEAN_SCORE(2, DropEnd.FIRST);

    /** Which end of a section loses its lines first: rules are shown weakest first, cards strongest first. */
    enum DropEnd {
        FIRST,
        LAST
    }

    private final int dropOrder;
    private final DropEnd dropEnd;

    SectionKind(int dropOrder, DropEnd dropEnd) {
        this.dropOrder = dropOrder;
        this.dropEnd = dropEnd;
    }

    /** The snake_case name shown in JSON, e.g. {@code task_rules}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** 1 for the section whose lines are dropped first. */
    int dropOrder() {
        return dropOrder;
    }

    DropEnd dropEnd() {
        return dropEnd;
    }
}
