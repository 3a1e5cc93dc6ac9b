package dev.engram.domain.memory;

import static dev.engram.domain.memory.EpisodeBuilder.episode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.domain.error.DomainException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Stores persist {@link AgentMemory#state()} and rebuild with {@link AgentMemory#restore}: nothing may be lost. */
class AgentMemoryStateTest {
    private final MemoryPolicy policy = MemoryPolicy.defaults();
    private AgentMemory memory;

    @BeforeEach
    void fill() {
        memory = AgentMemory.empty("agent-7", policy);
        for (int i = 1; i <= 45; i++) {
            String task = i % 3 == 0 ? "search" : "deploy";
            memory.record(episode(task, (i % 10) / 9.0).summary("summary " + (i % 4)).mistakes("m" + (i % 6))
                    .successes("s" + (i % 5)).card("type-" + (i % 4), "lesson " + i).build());
            if (memory.consolidationDue()) {
                memory.consolidate(HeuristicConsolidation.changes(memory.episodeLog(), policy));
            }
        }
        Rule first = memory.rules(RuleScope.task("deploy")).get(0);
        memory.apply(List.of(new RuleChange.Agree(first.scope(), first.id(), List.of("t-llm")),
                new RuleChange.Add(RuleScope.GLOBAL, "Read the runbook", Polarity.WORKS, RuleSource.LLM, List.of())));
    }

    @Test
    void aRestoredMemoryHasTheSameState() {
        AgentMemoryState state = memory.state();
        AgentMemory restored = AgentMemory.restore(state, policy);

        assertThat(restored.state()).isEqualTo(state);
        assertThat(List.copyOf(restored.state().scoresByTask().keySet())).containsExactly("deploy", "search");
        assertThat(restored.version()).isEqualTo(memory.version());
        assertThat(restored.summary()).isEqualTo(memory.summary());
        assertThat(restored.context("deploy")).isEqualTo(memory.context("deploy"));
    }

    @Test
    void aRestoredMemoryGoesOnExactlyAsTheOriginal() {
        AgentMemory restored = AgentMemory.restore(memory.state(), policy);
        for (int i = 0; i < 30; i++) {
            Episode next = episode("deploy", i % 2 == 0 ? 0.9 : 0.2).summary("next " + i).mistakes("again " + i)
                    .successes("won " + i).card("type-" + (i % 5), "l").build();
            memory.record(next);
            restored.record(next);
        }
        assertThat(restored.consolidationDue()).isEqualTo(memory.consolidationDue()).isTrue();
        assertThat(restored.state()).isEqualTo(memory.state());
    }

    @Test
    void aTighterPolicyKeepsWhatItWouldHaveKept() {
        MemoryPolicy tight = policy.toBuilder().mistakesKept(2).episodeLogSize(3).mistakeCardsKept(1).rulesPerTask(1)
                .globalRules(1).scoreWindow(2).build();
        AgentMemoryState state = memory.state();
        AgentMemoryState trimmed = AgentMemory.restore(state, tight).state();

        assertThat(trimmed.mistakes()).isEqualTo(state.mistakes().subList(state.mistakes().size() - 2,
                state.mistakes().size()));
        assertThat(trimmed.episodeLog()).isEqualTo(state.episodeLog().subList(state.episodeLog().size() - 3,
                state.episodeLog().size()));
        // merging does not re-sort (the seed's quirk), so the strongest card need not stand first in the state
        TrackedMistakeCard strongestCard = state.mistakeCards().stream()
                .max(Comparator.comparingLong(TrackedMistakeCard::seenCount)
                        .thenComparingLong(TrackedMistakeCard::lastSeenEpisode))
                .orElseThrow();
        assertThat(trimmed.mistakeCards()).containsExactly(strongestCard);
        Rule strongest = state.taskRules().get("deploy").get(0);
        assertThat(strongest.importance()).isEqualTo(3);
        assertThat(trimmed.taskRules().get("deploy")).containsExactly(strongest);
        assertThat(trimmed.globalRules()).extracting(Rule::text).containsExactly("Read the runbook");
        assertThat(trimmed.scoresByTask().get("deploy").recentScores()).hasSize(2);
        assertThat(trimmed.scoresByTask().get("deploy").count()).isEqualTo(30);
    }

    @Test
    void aRuleFiledUnderAnotherScopeIsRefused() {
        AgentMemoryState state = memory.state();
        AgentMemoryState misfiled = new AgentMemoryState(state.agentId(), state.version(), state.totalEpisodes(),
                state.lastConsolidatedAt(), state.scoresByTask(), state.episodeLog(), state.mistakes(),
                state.successes(), state.mistakeCards(), Map.of("search", state.taskRules().get("deploy")),
                state.globalRules());
        assertThatThrownBy(() -> AgentMemory.restore(misfiled, policy)).isInstanceOf(DomainException.class)
                .hasMessageContaining("rules[task:search]");
    }

    @Test
    void negativeCountsAreRefused() {
        AgentMemoryState state = memory.state();
        AgentMemoryState broken = new AgentMemoryState(state.agentId(), -1, state.totalEpisodes(),
                state.lastConsolidatedAt(), state.scoresByTask(), state.episodeLog(), state.mistakes(),
                state.successes(), state.mistakeCards(), state.taskRules(), state.globalRules());
        assertThatThrownBy(() -> AgentMemory.restore(broken, policy))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("state"));
    }
}
