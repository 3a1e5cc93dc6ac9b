package dev.engram.domain.memory;

import static dev.engram.domain.memory.EpisodeBuilder.episode;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Whatever the history, every part of the memory stays within its cap. */
class BoundedMemoryTest {
    private final AgentMemory memory = AgentMemory.empty("agent", MemoryPolicy.defaults());

    @Test
    void mistakesAndSuccessesKeepTheNewest1000Distinct() {
        for (int i = 1; i <= 1500; i++) {
            memory.record(episode("deploy", 0.7).mistakes("mistake " + i, "recurring").successes("success " + i)
                    .build());
        }
        AgentMemoryState state = memory.state();
        assertThat(state.mistakes()).hasSize(1000).doesNotHaveDuplicates()
                .startsWith("mistake 502").endsWith("mistake 1499", "mistake 1500");
        assertThat(state.successes()).hasSize(1000).startsWith("success 501").endsWith("success 1500");
        assertThat(memory.summary().mistakesStored()).isEqualTo(1000);
    }

    @Test
    void aTextSeenAgainKeepsItsPlaceAndAnEvictedOneComesBackAsNew() {
        AgentMemory small = AgentMemory.empty("agent", MemoryPolicy.builder().mistakesKept(3).build());
        small.record(episode("deploy", 0.7).mistakes("a", "b", "c").build());
        small.record(episode("deploy", 0.7).mistakes("a").build());
        assertThat(small.state().mistakes()).containsExactly("a", "b", "c");
        small.record(episode("deploy", 0.7).mistakes("d", "a").build());
        assertThat(small.state().mistakes()).containsExactly("c", "d", "a");
    }

    @Test
    void theEpisodeLogKeepsTheLast100() {
        for (int i = 1; i <= 250; i++) {
            memory.record(episode("task-" + (i % 7), 0.6).trajectory("t" + i).build());
        }
        assertThat(memory.episodeLog()).hasSize(100);
        assertThat(memory.episodeLog().get(0).episode()).isEqualTo(151);
        assertThat(memory.episodeLog().get(99).trajectoryId()).isEqualTo("t250");
        assertThat(memory.totalEpisodes()).isEqualTo(250);
    }

    @Test
    void scoreHistoryKeepsCountSumAndARecentWindow() {
        for (int i = 1; i <= 1000; i++) {
            memory.record(episode("deploy", i % 2 == 0 ? 1.0 : 0.0).build());
        }
        TaskScores scores = memory.scoresByTask().get("deploy");
        assertThat(scores.count()).isEqualTo(1000);
        assertThat(scores.mean()).isEqualTo(0.5);
        assertThat(scores.recentScores()).hasSize(MemoryPolicy.defaults().scoreWindow()).endsWith(1.0);
    }

    @Test
    void atMost30MistakeCardsStrongestKept() {
        for (int i = 1; i <= 100; i++) {
            memory.record(episode("deploy", 0.3).card("type-" + i, "lesson " + i).card("recurring", "again").build());
        }
        AgentMemoryState state = memory.state();
        assertThat(state.mistakeCards()).hasSize(30);
        assertThat(state.mistakeCards().get(0).card().mistakeType()).isEqualTo("recurring");
        assertThat(state.mistakeCards().get(0).seenCount()).isEqualTo(100);
        assertThat(state.mistakeCards().get(1).card().mistakeType()).isEqualTo("type-100");
        assertThat(state.mistakeCards().get(29).card().mistakeType()).isEqualTo("type-72");
    }

    @Test
    void cardTextsAreCutTo300CodePoints() {
        String longLesson = "L".repeat(299) + "🧭🧭";
        memory.record(episode("deploy", 0.3).card("slow", longLesson).build());
        String lesson = memory.state().mistakeCards().get(0).card().lesson();
        assertThat(lesson.codePointCount(0, lesson.length())).isEqualTo(300);
        assertThat(lesson).endsWith("L🧭");
    }

    @Test
    void atMost10RulesPerTaskAnd20GlobalTheNewestKept() {
        for (int i = 1; i <= 25; i++) {
            memory.record(episode("deploy", 0.9).successes("worked " + i).summary("summary " + i).build());
            memory.record(episode("deploy", 0.1).mistakes("failed " + i).build());
        }
        assertThat(memory.rules(RuleScope.task("deploy"))).hasSize(10)
                .extracting(Rule::text).startsWith("[WORKS] worked 21").endsWith("[AVOID] failed 25");
        memory.consolidate(HeuristicConsolidation.changes(memory.episodeLog(), memory.policy()));
        assertThat(memory.rules(RuleScope.GLOBAL)).hasSize(20)
                .extracting(Rule::text).startsWith("[HIGH SCORE 0.90] summary 6").endsWith("[HIGH SCORE 0.90] summary 25");
    }

    @Test
    void aRuleKeepsTheNewestTrajectoryIdsAsEvidence() {
        for (int i = 1; i <= 15; i++) {
            memory.record(episode("deploy", 0.9).trajectory("t" + i).successes("read the logs").build());
        }
        Rule rule = memory.rules(RuleScope.task("deploy")).get(0);
        assertThat(rule.trajectoryIds()).hasSize(10).startsWith("t6").endsWith("t15");
        assertThat(rule.importance()).isEqualTo(RuleChange.NEW_RULE_IMPORTANCE);
        assertThat(rule.createdAt()).isEqualTo(1);
        assertThat(rule.lastReinforcedAt()).isEqualTo(15);
    }
}
