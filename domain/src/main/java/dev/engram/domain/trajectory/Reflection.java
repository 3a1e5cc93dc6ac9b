package dev.engram.domain.trajectory;

import java.util.List;

/**
 * What the agent concluded about its run: a summary, what went wrong, what worked, and structured mistake cards.
 * Lists are never null; the summary may be absent.
 */
public record Reflection(String summary, List<String> mistakes, List<String> successes, List<MistakeCard> mistakeCards) {
    public static final Reflection EMPTY = new Reflection(null, List.of(), List.of(), List.of());

    public Reflection {
        mistakes = mistakes == null ? List.of() : List.copyOf(mistakes);
        successes = successes == null ? List.of() : List.copyOf(successes);
        mistakeCards = mistakeCards == null ? List.of() : List.copyOf(mistakeCards);
    }

    public boolean isEmpty() {
        return summary == null && mistakes.isEmpty() && successes.isEmpty() && mistakeCards.isEmpty();
    }
}
