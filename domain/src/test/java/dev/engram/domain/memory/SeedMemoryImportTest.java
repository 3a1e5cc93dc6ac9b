package dev.engram.domain.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import dev.engram.domain.error.Violation;
import dev.engram.domain.json.JsonArray;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.JsonString;
import dev.engram.domain.json.TestJson;
import dev.engram.domain.trajectory.MistakeCard;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Converts an {@code agent_memory.json} written by seed 004's own Python ({@code src/test/golden/
 * generate_seed_memory_file.py}) and checks that engram then answers what the seed answered about that file.
 */
class SeedMemoryImportTest {
    private static final MemoryPolicy POLICY = MemoryPolicy.defaults();
    private static final int UNLIMITED = Integer.MAX_VALUE;

    private static JsonObject seedFile;
    private static JsonNode expected;

    @BeforeAll
    static void readFiles() throws IOException {
        seedFile = TestJson.object(resource("/golden/seed_agent_memory.json"));
        expected = JsonMapper.builder().build().readTree(resource("/golden/seed_agent_memory_expect.json"));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SeedMemoryImportTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name + " on the test class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static AgentMemory imported() {
        return AgentMemory.restore(SeedMemoryImport.toState(seedFile, "migrated", POLICY), POLICY);
    }

    @Test
    void theSummaryIsTheSeeds() {
        MemorySummary summary = imported().summary();
        JsonNode seed = expected.get("summary");
        assertThat(summary.totalEpisodes()).isEqualTo(seed.get("total_episodes").asLong());
        assertThat(summary.globalRules()).isEqualTo(seed.get("global_rules").asInt());
        assertThat(summary.mistakesStored()).isEqualTo(seed.get("mistakes_stored").asInt());
        assertThat(summary.mistakeCardsStored()).isEqualTo(seed.get("mistake_cards_stored").asInt());
        Map<String, Integer> taskRules = new LinkedHashMap<>();
        seed.get("task_rules").properties().forEach(e -> taskRules.put(e.getKey(), e.getValue().asInt()));
        assertThat(summary.taskRules()).containsExactlyEntriesOf(taskRules);
        Map<String, Double> scores = new LinkedHashMap<>();
        seed.get("scores_by_task").properties().forEach(e -> scores.put(e.getKey(), e.getValue().asDouble()));
        assertThat(summary.scoresByTask()).containsExactlyEntriesOf(scores);
        assertThat(summary.topMistakeCards()).hasSize(seed.get("top_mistake_cards").size());
        for (int i = 0; i < summary.topMistakeCards().size(); i++) {
            JsonNode card = seed.get("top_mistake_cards").get(i);
            assertThat(summary.topMistakeCards().get(i)).isEqualTo(new MemorySummary.CardCount(
                    card.get("mistake_type").asString(), card.get("task_id").asString(), card.get("seen_count").asLong()));
        }
    }

    @Test
    void everyContextIsTheSeedsTextByteForByte() {
        AgentMemory memory = imported();
        for (JsonNode context : expected.get("contexts")) {
            String task = context.get("task_id").isNull() ? null : context.get("task_id").asString();
            assertThat(memory.context(task, UNLIMITED, ApproximateTokenCounter.INSTANCE).text())
                    .as("context for task %s", task)
                    .isEqualTo(context.get("text").asString());
        }
        assertThat(expected.get("contexts")).hasSizeGreaterThan(5);
    }

    @Test
    void rulesKeepTheirTextWithPolarityAndSourceFromTheLabel() {
        AgentMemoryState state = imported().state();
        List<Rule> global = state.globalRules();
        List<String> seedTexts = ((JsonArray) seedFile.get("global_rules")).elements().stream()
                .map(v -> ((JsonString) v).value()).toList();
        assertThat(global).extracting(Rule::text).containsExactlyElementsOf(seedTexts);
        assertThat(global).filteredOn(r -> r.text().startsWith("[CONSOLIDATED]")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.source()).isEqualTo(RuleSource.LLM));
        assertThat(global).filteredOn(r -> r.text().startsWith("[HIGH SCORE")).isNotEmpty()
                .allSatisfy(r -> {
                    assertThat(r.source()).isEqualTo(RuleSource.HEURISTIC);
                    assertThat(r.polarity()).isEqualTo(Polarity.WORKS);
                });
        List<Rule> taskRules = state.taskRules().values().stream().flatMap(List::stream).toList();
        assertThat(taskRules).filteredOn(r -> r.text().startsWith("[AVOID]")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.polarity()).isEqualTo(Polarity.AVOID));
        assertThat(taskRules).filteredOn(r -> r.text().startsWith("[WORKS]")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.polarity()).isEqualTo(Polarity.WORKS));
        assertThat(taskRules).extracting(Rule::id).doesNotHaveDuplicates();
    }

    @Test
    void theEpisodeLogIsNumberedBackFromTheTotalAndCardsKeepTheirCounts() {
        AgentMemoryState state = imported().state();
        assertThat(state.totalEpisodes()).isEqualTo(130);
        assertThat(state.lastConsolidatedAt()).isEqualTo(120);
        assertThat(state.episodeLog()).hasSize(100);
        assertThat(state.episodeLog().get(0).episode()).isEqualTo(31);
        assertThat(state.episodeLog().get(99).trajectoryId()).isEqualTo("seed-episode-130");
        assertThat(state.mistakeCards()).hasSize(30).anySatisfy(card -> assertThat(card.seenCount()).isGreaterThan(3));
    }

    @Test
    void theMigratedMemoryKeepsLearning() {
        AgentMemory memory = imported();
        memory.record(new Episode("t-131", "deploy", 0.2, 4, "Broke the deploy", List.of("Skipped the canary"), List.of(),
                List.of(new MistakeCard("premature_escalation", null, "w1", null, "inspect logs", "new evidence", null)),
                Instant.parse("2026-11-23T10:00:00Z")));
        assertThat(memory.totalEpisodes()).isEqualTo(131);
        assertThat(memory.rules(RuleScope.task("deploy"))).extracting(Rule::text).contains("[AVOID] Skipped the canary");
        assertThat(memory.episodeLog().get(memory.episodeLog().size() - 1).episode()).isEqualTo(131);
    }

    @Test
    void aFreshSeedMemoryConvertsToAnEmptyOne() {
        JsonObject empty = TestJson.object("{\"version\": 1, \"total_episodes\": 0, \"last_consolidated_at\": null,"
                + " \"global_rules\": [], \"task_rules\": {}, \"episode_log\": [], \"score_history\": {}, \"mistakes\": [],"
                + " \"mistake_cards\": [], \"successes\": []}");
        AgentMemoryState state = SeedMemoryImport.toState(empty, "fresh", POLICY);
        assertThat(state.totalEpisodes()).isZero();
        assertThat(AgentMemory.restore(state, POLICY).context("anything").text()).isEmpty();
    }

    @Test
    void everyProblemIsNamedByItsPathAndNothingIsConverted() {
        JsonObject broken = TestJson.object("{\"version\": 2, \"total_episodes\": 1, \"bogus\": true,"
                + " \"episode_log\": [{\"timestamp\": \"yesterday\", \"task_id\": \"deploy\", \"score\": 1.5, \"steps\": -1, \"summary\": \"\"}],"
                + " \"task_rules\": {\"deploy\": [\"[WORKS] fine\", 3]}, \"score_history\": {\"deploy\": [\"high\"]},"
                + " \"mistakes\": [null], \"mistake_cards\": [{\"mistake_type\": \"x\", \"seen_count\": 0}]}");
        assertThatThrownBy(() -> SeedMemoryImport.toState(broken, "a", POLICY))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
                    assertThat(e.violations()).extracting(Violation::field).containsExactlyInAnyOrder(
                            "bogus", "version", "episode_log[0].score", "episode_log[0].steps", "episode_log[0].timestamp",
                            "score_history.deploy[0]", "task_rules.deploy[1]", "mistakes[0]", "mistake_cards[0].seen_count");
                    assertThat(e.violations()).filteredOn(v -> v.field().equals("episode_log[0].score"))
                            .extracting(Violation::message).containsExactly("must be between 0 and 1, got 1.5");
                });
    }

    @Test
    void whatATighterPolicyCutsIsSaid() {
        MemoryPolicy tight = MemoryPolicy.builder().mistakesKept(10).episodeLogSize(50).build();
        SeedMemoryImport.Conversion conversion = SeedMemoryImport.convert(seedFile, "migrated", tight);
        assertThat(conversion.state().mistakes()).hasSize(10);
        assertThat(conversion.trimmed()).contains("kept the newest 50 of 100 episode_log entries (memory.episode_log_size)")
                .anySatisfy(note -> assertThat(note).startsWith("kept the newest 10 of ").endsWith(" mistakes (memory.mistakes_kept)"));
        assertThat(SeedMemoryImport.convert(seedFile, "migrated", POLICY).trimmed()).isEmpty();
    }
}
