package dev.engram.domain.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.domain.trajectory.MistakeCard;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replays the episodes of {@code golden/memory_golden.json} and compares, after every episode, what the seed's own
 * Python answered (written by {@code src/test/golden/generate_memory_golden.py}; see the README there).
 */
class SeedGoldenTest {
    private static final int UNLIMITED = Integer.MAX_VALUE;
    private static final MemoryPolicy POLICY = MemoryPolicy.defaults();

    private static JsonNode golden;

    @BeforeAll
    static void readGoldenFile() throws IOException {
        try (InputStream in = SeedGoldenTest.class.getResourceAsStream("/golden/memory_golden.json")) {
            assertThat(in).as("golden/memory_golden.json on the test class path").isNotNull();
            golden = JsonMapper.builder().build().readTree(in);
        }
        assertThat(golden.get("steps").size()).as("episodes in the golden file").isGreaterThanOrEqualTo(300);
    }

    @Test
    void everySnapshotOfTheSeedIsReproduced() {
        AgentMemory memory = AgentMemory.empty("golden-agent", POLICY);
        int episode = 0;
        for (JsonNode step : golden.get("steps")) {
            episode++;
            memory.record(episode(step.get("episode")));
            // the seed's maybe_consolidate_memory, called after every episode
            if (memory.consolidationDue()) {
                memory.consolidate(HeuristicConsolidation.changes(memory.episodeLog(), POLICY));
            }
            assertMatches(step.get("expect"), memory, episode);
            if (episode % 50 == 0) {
                // a store round trip on the way must change nothing that follows
                AgentMemoryState state = memory.state();
                memory = AgentMemory.restore(state, POLICY);
                assertThat(memory.state()).isEqualTo(state);
            }
        }
    }

    @Test
    void underTheDefaultBudgetTheTextIsTheSeedsWheneverItFits() {
        AgentMemory memory = AgentMemory.empty("golden-agent", POLICY);
        int compared = 0;
        for (JsonNode step : golden.get("steps")) {
            memory.record(episode(step.get("episode")));
            if (memory.consolidationDue()) {
                memory.consolidate(HeuristicConsolidation.changes(memory.episodeLog(), POLICY));
            }
            for (JsonNode context : step.get("expect").get("contexts")) {
                String expected = context.get("text").asString();
                MemoryContext actual = memory.context(textOrNull(context.get("task_id")));
                if (ApproximateTokenCounter.INSTANCE.count(expected) <= POLICY.contextTokenBudget()) {
                    assertThat(actual.text()).isEqualTo(expected);
                    assertThat(actual.droppedLines()).isZero();
                    compared++;
                } else {
                    assertThat(actual.tokens()).isLessThanOrEqualTo(POLICY.contextTokenBudget());
                    assertThat(actual.droppedLines()).isPositive();
                }
            }
        }
        assertThat(compared).as("contexts that fit the default budget").isGreaterThan(100);
    }

    private static void assertMatches(JsonNode expect, AgentMemory memory, int episode) {
        String at = "after episode " + episode + ": ";
        assertThat(memory.totalEpisodes()).as(at + "total_episodes").isEqualTo(expect.get("total_episodes").asLong());
        JsonNode last = expect.get("last_consolidated_at");
        assertThat(memory.state().lastConsolidatedAt()).as(at + "last_consolidated_at")
                .isEqualTo(last.isNull() ? 0 : last.asLong());
        for (JsonNode context : expect.get("contexts")) {
            String taskId = textOrNull(context.get("task_id"));
            assertThat(memory.context(taskId, UNLIMITED, ApproximateTokenCounter.INSTANCE).text())
                    .as(at + "build_memory_context(task_id=%s)", taskId)
                    .isEqualTo(context.get("text").asString());
        }
        MemorySummary summary = memory.summary();
        MemorySummary expectedSummary = summary(expect.get("summary"));
        assertThat(summary).as(at + "memory_summary").isEqualTo(expectedSummary);
        assertThat(List.copyOf(summary.taskRules().keySet())).as(at + "task order")
                .isEqualTo(List.copyOf(expectedSummary.taskRules().keySet()));
        assertThat(List.copyOf(summary.scoresByTask().keySet())).as(at + "score order")
                .isEqualTo(List.copyOf(expectedSummary.scoresByTask().keySet()));
        for (Map.Entry<String, JsonNode> rules : expect.get("task_rules").properties()) {
            assertThat(texts(memory.rules(RuleScope.task(rules.getKey()))))
                    .as(at + "task_rules[%s]", rules.getKey()).isEqualTo(strings(rules.getValue()));
        }
        if (expect.has("global_rules")) {
            assertThat(texts(memory.rules(RuleScope.GLOBAL))).as(at + "global_rules")
                    .isEqualTo(strings(expect.get("global_rules")));
        }
        if (expect.has("mistake_cards")) {
            AgentMemoryState state = memory.state();
            assertThat(state.mistakeCards()).as(at + "mistake_cards").isEqualTo(cards(expect.get("mistake_cards")));
            assertThat(tail(state.mistakes())).as(at + "mistakes[-10:]").isEqualTo(strings(expect.get("mistakes_tail")));
            assertThat(tail(state.successes())).as(at + "successes[-10:]")
                    .isEqualTo(strings(expect.get("successes_tail")));
            assertThat(state.successes()).as(at + "successes").hasSize(expect.get("successes_stored").asInt());
        }
    }

    private static Episode episode(JsonNode json) {
        List<MistakeCard> cards = new ArrayList<>();
        for (JsonNode card : json.path("mistake_cards")) {
            cards.add(mistakeCard(card));
        }
        return new Episode(json.get("trajectory_id").asString(), field(json, "task_id"),
                json.get("score").doubleValue(), json.path("steps").asInt(0), field(json, "trajectory_summary"),
                strings(json.path("mistakes")), strings(json.path("successes")), cards,
                Instant.parse(json.get("recorded_at").asString()));
    }

    private static MemorySummary summary(JsonNode json) {
        Map<String, Integer> taskRules = new LinkedHashMap<>();
        json.get("task_rules").properties().forEach(e -> taskRules.put(e.getKey(), e.getValue().asInt()));
        List<MemorySummary.CardCount> top = new ArrayList<>();
        for (JsonNode card : json.get("top_mistake_cards")) {
            top.add(new MemorySummary.CardCount(card.get("mistake_type").asString(), card.get("task_id").asString(),
                    card.get("seen_count").asLong()));
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        json.get("scores_by_task").properties().forEach(e -> scores.put(e.getKey(), e.getValue().doubleValue()));
        return new MemorySummary(json.get("total_episodes").asLong(), json.get("global_rules").asInt(), taskRules,
                json.get("mistakes_stored").asInt(), json.get("mistake_cards_stored").asInt(), top, scores);
    }

    private static List<TrackedMistakeCard> cards(JsonNode json) {
        List<TrackedMistakeCard> cards = new ArrayList<>();
        for (JsonNode card : json) {
            cards.add(new TrackedMistakeCard(mistakeCard(card), card.get("seen_count").asLong(),
                    card.get("first_seen_episode").asLong(), card.get("last_seen_episode").asLong()));
        }
        return cards;
    }

    private static MistakeCard mistakeCard(JsonNode card) {
        return new MistakeCard(field(card, "mistake_type"), field(card, "task_id"), field(card, "worker_id"),
                field(card, "bad_decision"), field(card, "correct_decision"), field(card, "evidence"),
                field(card, "lesson"));
    }

    /** A string field that may be absent or null. */
    private static String field(JsonNode object, String name) {
        return textOrNull(object.get(name));
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(item -> strings.add(item.asString()));
        return strings;
    }

    private static List<String> texts(List<Rule> rules) {
        return rules.stream().map(Rule::text).toList();
    }

    private static List<String> tail(List<String> items) {
        return items.subList(Math.max(0, items.size() - 10), items.size());
    }
}
