package dev.engram.domain.memory;

import static dev.engram.domain.memory.EpisodeBuilder.episode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.domain.error.DomainException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContextBudgetTest {
    /** One token per non-blank line, so that budgets read as line counts. */
    private static final TokenCounter LINES = text -> (int) text.lines().filter(line -> !line.isBlank()).count();

    private AgentMemory memory;

    @BeforeEach
    void fillEverySection() {
        memory = AgentMemory.empty("agent", MemoryPolicy.defaults());
        memory.record(episode("deploy", 0.9).summary("rolled out canary").successes("rule one").build());
        memory.record(episode("deploy", 0.95).summary("rolled out to all").successes("rule two").build());
        memory.record(episode("deploy", 0.1).summary("broke prod").mistakes("m1", "m2", "m3")
                .card("seen_once", "lesson one").card("seen_twice", "lesson two").card("seen_thrice", "lesson three")
                .build());
        memory.record(episode("search", 0.6).card("deploy", "seen_twice", "lesson two")
                .card("deploy", "seen_thrice", "lesson three").build());
        memory.record(episode("search", 0.6).card("deploy", "seen_thrice", "lesson three").build());
        memory.consolidate(HeuristicConsolidation.changes(memory.episodeLog(), memory.policy()));
    }

    @Test
    void underBudgetNothingIsDropped() {
        MemoryContext full = memory.context("deploy", Integer.MAX_VALUE, LINES);
        assertThat(full.tokens()).isEqualTo(23);
        assertThat(memory.context("deploy", 23, LINES)).isEqualTo(full);
        assertThat(full.droppedLines()).isZero();
        assertThat(full.sections()).extracting(ContextSection::name).containsExactly("task_rules", "global_rules",
                "mistakes", "mistake_cards", "recent_episodes", "mean_score");
    }

    @Test
    void linesGoLeastImportantFirstAndHeadingsGoWithTheirLastLine() {
        List<String> dropOrder = new ArrayList<>();
        Set<String> before = new LinkedHashSet<>(lines(memory.context("deploy", Integer.MAX_VALUE, LINES)));
        for (int budget = 22; budget >= 0; budget--) {
            MemoryContext context = memory.context("deploy", budget, LINES);
            assertThat(context.tokens()).isLessThanOrEqualTo(budget);
            Set<String> now = new LinkedHashSet<>(lines(context));
            assertThat(before).as("a smaller budget only removes lines").containsAll(now);
            before.stream().filter(line -> !now.contains(line)).forEach(dropOrder::add);
            before = now;
        }
        assertThat(dropOrder).containsExactly(
                "  - Score 0.90 in 5 steps: rolled out canary",
                "  - Score 0.95 in 5 steps: rolled out to all",
                "Recent deploy episodes:", "  - Score 0.10 in 5 steps: broke prod",
                "Your mean score on deploy: 0.65 (over 3 episodes)",
                "  - AVOID: m1",
                "  - AVOID: m2",
                "Mistakes to avoid:", "  - AVOID: m3",
                "  - [seen_once, seen 1x] lesson one Evidence: evidence of seen_once",
                "  - [seen_twice, seen 2x] lesson two Evidence: evidence of seen_twice",
                "Structured mistake cards:",
                "  - [seen_thrice, seen 3x] lesson three Evidence: evidence of seen_thrice",
                "  - [HIGH SCORE 0.90] rolled out canary",
                "General rules (all tasks):", "  - [HIGH SCORE 0.95] rolled out to all",
                "  - [WORKS] rule one",
                "  - [WORKS] rule two",
                "  - [AVOID] m1",
                "  - [AVOID] m2",
                "## MEMORY FROM PAST EPISODES", "Rules for deploy:", "  - [AVOID] m3");
        assertThat(memory.context("deploy", 0, LINES)).isEqualTo(new MemoryContext("", 0, List.of(), 17));
    }

    @Test
    void aLineIsNeverCut() {
        MemoryContext full = memory.context("deploy", Integer.MAX_VALUE, ApproximateTokenCounter.INSTANCE);
        Set<String> fullLines = new LinkedHashSet<>(full.text().lines().toList());
        for (int budget = 0; budget <= full.tokens(); budget++) {
            MemoryContext context = memory.context("deploy", budget, ApproximateTokenCounter.INSTANCE);
            assertThat(fullLines).containsAll(context.text().lines().toList());
            assertThat(context.tokens()).isLessThanOrEqualTo(budget)
                    .isEqualTo(ApproximateTokenCounter.INSTANCE.count(context.text()));
            assertThat(TokenBudget.text(context.sections())).as("the sections are the text").isEqualTo(context.text());
        }
    }

    @Test
    void aLineLargerThanTheBudgetIsDroppedWholeAndTheRestKept() {
        AgentMemory small = AgentMemory.empty("agent", MemoryPolicy.defaults());
        small.record(episode("deploy", 0.2).summary("x".repeat(400)).build());
        MemoryContext context = small.context("deploy", 30, ApproximateTokenCounter.INSTANCE);
        assertThat(context.text()).isEqualTo(
                "## MEMORY FROM PAST EPISODES\n\nYour mean score on deploy: 0.20 (over 1 episodes)");
        assertThat(context.droppedLines()).isEqualTo(1);
    }

    @Test
    void whateverTheCounterSaysTheResultFits() {
        TokenCounter erratic = text -> text.isEmpty() ? 0 : 1000 - text.length() % 7;
        MemoryContext context = memory.context("deploy", 999, erratic);
        assertThat(context.tokens()).isLessThanOrEqualTo(999).isEqualTo(erratic.count(context.text()));
    }

    @Test
    void theSameMemoryGivesTheSameContext() {
        assertThat(memory.context("deploy", 60, ApproximateTokenCounter.INSTANCE))
                .isEqualTo(memory.context("deploy", 60, ApproximateTokenCounter.INSTANCE));
        AgentMemory copy = AgentMemory.restore(memory.state(), memory.policy());
        assertThat(copy.context("deploy", 60, ApproximateTokenCounter.INSTANCE))
                .isEqualTo(memory.context("deploy", 60, ApproximateTokenCounter.INSTANCE));
    }

    @Test
    void theDefaultBudgetIsThePolicysWithTheApproximateCounter() {
        assertThat(memory.context("deploy"))
                .isEqualTo(memory.context("deploy", 500, ApproximateTokenCounter.INSTANCE));
    }

    @Test
    void aNewMemorySaysNothing() {
        AgentMemory empty = AgentMemory.empty("agent", MemoryPolicy.defaults());
        assertThat(empty.context("deploy")).isEqualTo(new MemoryContext("", 0, List.of(), 0));
        assertThat(empty.context(null)).isEqualTo(new MemoryContext("", 0, List.of(), 0));
    }

    @Test
    void withoutATaskOnlyTheSectionsForAllTasksShow() {
        assertThat(memory.context(null).sections()).extracting(ContextSection::name)
                .containsExactly("global_rules", "mistakes", "mistake_cards");
        assertThat(memory.context("").sections()).extracting(ContextSection::name)
                .containsExactly("global_rules", "mistakes", "mistake_cards");
    }

    @Test
    void aNegativeBudgetIsRefused() {
        assertThatThrownBy(() -> memory.context("deploy", -1, LINES))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("maxTokens"));
    }

    private static List<String> lines(MemoryContext context) {
        return context.text().lines().filter(line -> !line.isBlank()).toList();
    }
}
