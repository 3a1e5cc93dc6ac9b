package dev.engram.domain.memory;

import static dev.engram.domain.memory.EpisodeBuilder.episode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeuristicConsolidationTest {
    private static final MemoryPolicy POLICY = MemoryPolicy.defaults();
    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void highScoringSummariesBecomeGlobalRulesOncePerText() {
        List<EpisodeLogEntry> log = List.of(
                entry(1, "t1", 0.875, "rolled back cleanly"),
                entry(2, "t2", 0.84999, "almost good enough"),
                entry(3, "t3", 0.9, ""),
                entry(4, "t4", 0.875, "rolled back cleanly"),
                entry(5, "t5", 1.0, "x".repeat(119) + "🚀" + "cut away"));

        assertThat(HeuristicConsolidation.changes(log, POLICY))
                .extracting(change -> ((RuleChange.Add) change).text(), change -> ((RuleChange.Add) change).trajectoryIds())
                .containsExactly(
                        tuple("[HIGH SCORE 0.88] rolled back cleanly", List.of("t1", "t4")),
                        tuple("[HIGH SCORE 1.00] " + "x".repeat(119) + "🚀", List.of("t5")));
    }

    @Test
    void itIsDueEveryTwentyEpisodes() {
        AgentMemory memory = AgentMemory.empty("agent", POLICY);
        for (int i = 1; i < 20; i++) {
            memory.record(episode("deploy", 0.9).build());
        }
        assertThat(memory.consolidationDue()).isFalse();
        memory.record(episode("deploy", 0.9).build());
        assertThat(memory.consolidationDue()).isTrue();
        memory.consolidate(HeuristicConsolidation.changes(memory.episodeLog(), POLICY));
        assertThat(memory.consolidationDue()).isFalse();
        assertThat(memory.state().lastConsolidatedAt()).isEqualTo(20);
    }

    /**
     * The seed merges with {@code dict.fromkeys(old + new)[-20:]}: a rule it already holds keeps its old place even
     * when the log finds it again after new ones, so it can be the one cut. Applying one Add after another with a
     * cut after each would instead cut it first and then add it back as new.
     */
    @Test
    void aHeldRuleFoundAgainKeepsItsPlaceAsInTheSeed() {
        AgentMemory memory = AgentMemory.empty("agent", POLICY.toBuilder().globalRules(3).build());
        memory.consolidate(HeuristicConsolidation.changes(List.of(
                entry(1, "t1", 0.9, "oldest"), entry(2, "t2", 0.9, "middle"), entry(3, "t3", 0.9, "newest")), POLICY));
        memory.consolidate(HeuristicConsolidation.changes(List.of(
                entry(4, "t4", 0.9, "fresh"), entry(5, "t5", 0.9, "oldest")), POLICY));

        assertThat(memory.rules(RuleScope.GLOBAL)).extracting(Rule::text).containsExactly(
                "[HIGH SCORE 0.90] middle", "[HIGH SCORE 0.90] newest", "[HIGH SCORE 0.90] fresh");
    }

    private static EpisodeLogEntry entry(long episode, String trajectoryId, double score, String summary) {
        return new EpisodeLogEntry(episode, trajectoryId, "deploy", score, 3, summary, AT);
    }
}
