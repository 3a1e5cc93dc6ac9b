package dev.engram.domain.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Fits rendered sections into a token budget. Whole item lines are dropped, least important first (the order is
 * {@link SectionKind}'s), and a section whose lines are all gone loses its heading too. The text is counted whole,
 * so the answer is exact for whatever tokenizer counts it; the number of lines to drop is found by bisection, which
 * counts a few times instead of once per dropped line.
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
        List<Integer> drops = dropOrder(sections);
        // Invariant: dropping `over` lines is over budget, dropping `fits` lines is not (all of them leaves the empty
        // text). Tokenizers split at line breaks, so removing a line does not add tokens and this finds the fewest
        // drops that fit; with any counter at all, what it returns fits.
        int over = 0;
        int fits = drops.size();
        MemoryContext best = new MemoryContext("", counter.count(""), List.of(), fits);
        while (fits - over > 1) {
            int middle = (over + fits) >>> 1;
            List<ContextSection> kept = afterDropping(sections, drops, middle);
            String keptText = text(kept);
            int keptTokens = counter.count(keptText);
            if (keptTokens <= maxTokens) {
                fits = middle;
                best = new MemoryContext(keptText, keptTokens, kept, middle);
            } else {
                over = middle;
            }
        }
        return best;
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

    /** The sections left after the first {@code count} drops; a section left without lines is gone. */
    private static List<ContextSection> afterDropping(List<ContextSection> sections, List<Integer> drops, int count) {
        List<List<String>> lines = new ArrayList<>();
        for (ContextSection section : sections) {
            lines.add(new ArrayList<>(section.lines()));
        }
        for (int index : drops.subList(0, count)) {
            List<String> left = lines.get(index);
            left.remove(sections.get(index).kind().dropEnd() == SectionKind.DropEnd.FIRST ? 0 : left.size() - 1);
        }
        List<ContextSection> kept = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            if (!lines.get(i).isEmpty()) {
                kept.add(new ContextSection(sections.get(i).kind(), sections.get(i).heading(), lines.get(i)));
            }
        }
        return kept;
    }
}
