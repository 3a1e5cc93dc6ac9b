package dev.engram.domain.memory;

import java.util.List;
import java.util.Objects;

/**
 * A memory context ready for the top of a system prompt, within a token budget.
 *
 * @param text         the context; empty when the memory has nothing to say
 * @param tokens       the text's size as the given {@link TokenCounter} counts it
 * @param sections     the sections the text holds, with the lines kept
 * @param droppedLines how many item lines the budget left out
 */
public record MemoryContext(String text, int tokens, List<ContextSection> sections, int droppedLines) {
    public MemoryContext {
        Objects.requireNonNull(text, "text");
        sections = List.copyOf(sections);
    }
}
