package dev.engram.app.cli.text;

import dev.engram.application.port.in.AgentMemoryView;
import dev.engram.domain.memory.AgentMemoryState;
import dev.engram.domain.memory.Rule;
import dev.engram.domain.memory.TrackedMistakeCard;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** An agent's memory for people: scores, rules with their importance and provenance, cards, recent texts. */
public final class MemoryText {
    private static final int TEXTS_SHOWN = 5;

    private MemoryText() {
    }

    public static void print(AgentMemoryView view, PrintWriter out) {
        AgentMemoryState s = view.state();
        out.println("agent " + s.agentId() + " (namespace " + view.namespace() + "): " + s.totalEpisodes() + " episodes"
                + (s.lastConsolidatedAt() > 0 ? ", last consolidated at episode " + s.lastConsolidatedAt() : ", never consolidated"));
        if (!s.scoresByTask().isEmpty()) {
            out.println();
            out.println("scores by task");
            Table scores = new Table("TASK", ">EPISODES", ">MEAN", "RECENT (OLDEST FIRST)");
            s.scoresByTask().forEach((task, t) -> scores.row(task, t.count(), Numbers.fixed(t.mean(), 3),
                    t.recentScores().stream().skip(Math.max(0, t.recentScores().size() - 8))
                            .map(x -> Numbers.fixed(x, 2)).collect(Collectors.joining(" "))));
            scores.print(out, "  ");
        }
        s.taskRules().forEach((task, rules) -> rules("rules for " + task, rules, out));
        rules("general rules (all tasks)", s.globalRules(), out);
        if (!s.mistakeCards().isEmpty()) {
            out.println();
            out.println("mistake cards, strongest first");
            Table cards = new Table(">SEEN", "TYPE", "TASK", "WORKER", "DO INSTEAD", "LESSON");
            s.mistakeCards().stream()
                    .sorted(Comparator.comparingLong(TrackedMistakeCard::seenCount).thenComparingLong(TrackedMistakeCard::lastSeenEpisode).reversed())
                    .forEach(c -> cards.row(c.seenCount() + "x", c.card().mistakeType(), c.card().taskId(), c.card().workerId(),
                            c.card().correctDecision(), c.card().lesson()));
            cards.print(out, "  ");
        }
        texts("mistakes", s.mistakes(), out);
        texts("successes", s.successes(), out);
    }

    private static void rules(String title, List<Rule> rules, PrintWriter out) {
        if (rules.isEmpty()) {
            return;
        }
        out.println();
        out.println(title);
        Table table = new Table(">IMPORTANCE", "POLARITY", "SOURCE", ">EVIDENCE", "RULE");
        for (Rule r : rules) {
            table.row(r.importance(), r.polarity().name().toLowerCase(Locale.ROOT), r.source().name().toLowerCase(Locale.ROOT),
                    r.trajectoryIds().size() + (r.trajectoryIds().size() == 1 ? " run" : " runs"), r.text());
        }
        table.print(out, "  ");
    }

    private static void texts(String title, List<String> texts, PrintWriter out) {
        if (texts.isEmpty()) {
            return;
        }
        out.println();
        out.println(title + (texts.size() > TEXTS_SHOWN ? " (the newest " + TEXTS_SHOWN + " of " + texts.size() + ")" : ""));
        texts.subList(Math.max(0, texts.size() - TEXTS_SHOWN), texts.size()).forEach(t -> out.println("  - " + t));
    }
}
