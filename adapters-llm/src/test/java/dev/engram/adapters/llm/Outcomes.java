package dev.engram.adapters.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.application.port.out.Consolidation;
import dev.engram.domain.memory.AgentMemory;
import dev.engram.domain.memory.Rule;
import dev.engram.domain.memory.RuleScope;
import dev.engram.domain.memory.RuleSource;
import java.util.List;

/** How every scripted exchange must end: rules the memory stores, or the heuristic's, and no episode lost. */
final class Outcomes {
    private Outcomes() {
    }

    /** The model's changes, applied to the agent's memory: the new rule is stored, the episodes are all there. */
    static List<Rule> storedByModel(Consolidation result, String expectedRuleText) {
        assertThat(result.source()).isEqualTo(OpenAiConsolidator.NAME);
        assertThat(result.fallbackReason()).isNull();
        List<Rule> rules = applied(result);
        assertThat(rules).filteredOn(r -> r.source() == RuleSource.LLM).extracting(Rule::text).contains(expectedRuleText);
        return rules;
    }

    /** The heuristic's changes instead, with the reason, and the memory still consolidates them. */
    static void fellBack(Consolidation result, String reasonPart) {
        assertThat(result.source()).isEqualTo("heuristic");
        assertThat(result.fallbackReason()).startsWith("openai: ").contains(reasonPart);
        assertThat(applied(result)).noneMatch(r -> r.source() == RuleSource.LLM);
    }

    private static List<Rule> applied(Consolidation result) {
        AgentMemory memory = Evidence.memory();
        memory.consolidate(result.changes());
        assertThat(memory.totalEpisodes()).isEqualTo(2);
        assertThat(memory.episodeLog()).hasSize(2);
        return memory.rules(RuleScope.task(Evidence.TASK));
    }
}
