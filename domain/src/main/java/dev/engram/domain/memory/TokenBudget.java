package dev.engram.domain.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Fits rendered sections into a token budget. Whole item lines are dropped, least important first (the order is
 * {@link SectionKind}'s), and a section whose lines are all gone loses its heading too. The text is counted whole
 * after each drop, so the answer is exact for whatever tokenizer counts it. A context over budget is typically over
 * by a few lines (about three on the benchmarks' synthetic agents), where one count per dropped line is fewer counts
 * than a bisection over the twenty-odd lines would make.
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
        List<List<String>> lines = new ArrayList<>();
        for (ContextSection section : sections) {
            lines.add(new ArrayList<>(section.lines()));
        }
        List<Integer> drops = dropOrder(sections);
        for (int dropped = 1; dropped <= drops.size(); dropped++) {
            int index = drops.get(dropped - 1);
            List<String> left = lines.get(index);
            left.remove(sections.get(index).kind().dropEnd() == SectionKind.DropEnd.FIRST ? 0 : left.size() - 1);
            List<ContextSection> kept = kept(sections, lines);
            String keptText = text(kept);
            int keptTokens = counter.count(keptText);
            if (keptTokens <= maxTokens) {
                return new MemoryContext(keptText, keptTokens, kept, dropped);
            }
        }
        // only a counter that gives tokens to the empty text gets here; nothing smaller can be offered
        return new MemoryContext("", counter.count(""), List.of(), drops.size());
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

    /** The sections with the lines still kept; a section left without lines is gone. */
    private static List<ContextSection> kept(List<ContextSection> sections, List<List<String>> lines) {
        List<ContextSection> kept = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            if (!lines.get(i).isEmpty()) {
                kept.add(new ContextSection(sections.get(i).kind(), sections.get(i).heading(), lines.get(i)));
            }
        }
        return kept;
    }
}
