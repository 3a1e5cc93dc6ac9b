package dev.engram.domain.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Fits rendered sections into a token budget. Whole item lines are dropped, least important first (the order is
 * {@link SectionKind}'s), and the text is counted again after each drop, so the answer is exact for whatever
 * tokenizer counts it; a section whose lines are all gone loses its heading too. At most a few dozen lines are ever
 * rendered, which bounds the recounting.
 */
final class TokenBudget {
    static final String TITLE = "## MEMORY FROM PAST EPISODES";

    private TokenBudget() {
    }

    static MemoryContext fit(List<ContextSection> sections, int maxTokens, TokenCounter counter) {
        String text = text(sections);
        int tokens = counter.count(text);
        if (tokens <= maxTokens) {
            return new MemoryContext(text, tokens, sections, 0);
        }
        List<List<String>> keptLines = new ArrayList<>();
        for (ContextSection section : sections) {
            keptLines.add(new ArrayList<>(section.lines()));
        }
        List<ContextSection> kept = sections;
        int dropped = 0;
        for (int index : dropOrder(sections)) {
            ContextSection section = sections.get(index);
            List<String> lines = keptLines.get(index);
            lines.remove(section.kind().dropEnd() == SectionKind.DropEnd.FIRST ? 0 : lines.size() - 1);
            dropped++;
            kept = kept(sections, keptLines);
            text = text(kept);
            tokens = counter.count(text);
            if (tokens <= maxTokens) {
                break;
            }
        }
        return new MemoryContext(text, tokens, kept, dropped);
    }

    /** The seed's layout: the title, then each section after a blank line; nothing at all when no section is left. */
    static String text(List<ContextSection> sections) {
        if (sections.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder(TITLE);
        for (ContextSection section : sections) {
            // the seed writes each heading as "\nHeading" into a list joined by "\n": a blank line before it
            String separator = "\n\n";
            if (section.heading() != null) {
                text.append(separator).append(section.heading());
                separator = "\n";
            }
            for (String line : section.lines()) {
                text.append(separator).append(line);
                separator = "\n";
            }
        }
        return text.toString();
    }

    /** One entry per line to drop: the index of its section, sections taken in drop order. */
    private static List<Integer> dropOrder(List<ContextSection> sections) {
        List<Integer> bySection = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            bySection.add(i);
        }
        bySection.sort(Comparator.comparingInt(i -> sections.get(i).kind().dropOrder()));
        List<Integer> order = new ArrayList<>();
        for (int index : bySection) {
            for (int n = 0; n < sections.get(index).lines().size(); n++) {
                order.add(index);
            }
        }
        return order;
    }

    private static List<ContextSection> kept(List<ContextSection> sections, List<List<String>> keptLines) {
        List<ContextSection> kept = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            if (!keptLines.get(i).isEmpty()) {
                ContextSection section = sections.get(i);
                kept.add(new ContextSection(section.kind(), section.heading(), keptLines.get(i)));
            }
        }
        return kept;
    }
}
