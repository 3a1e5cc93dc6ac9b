package dev.engram.domain.memory;

import java.util.List;
import java.util.Objects;

/**
 * One section of a rendered memory context: a heading line and its item lines, exactly as they stand in the text
 * (items start with {@code "  - "}). The mean-score section has no heading, only its one line.
 *
 * @param kind    which section
 * @param heading the heading line without the blank line before it, or {@code null}
 * @param lines   the item lines, in text order
 */
public record ContextSection(SectionKind kind, String heading, List<String> lines) {
    public ContextSection {
        Objects.requireNonNull(kind, "kind");
        lines = List.copyOf(lines);
    }

    /** The section's wire name, e.g. {@code global_rules}. */
    public String name() {
        return kind.wireName();
    }
}
