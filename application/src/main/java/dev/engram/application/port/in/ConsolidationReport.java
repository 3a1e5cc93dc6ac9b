package dev.engram.application.port.in;

import dev.engram.domain.memory.RuleChange;
import java.util.List;

/**
 * One agent's consolidation: who made the rule changes ({@code heuristic} or an LLM plugin), why the fallback ran
 * when it did, the changes proposed, and whether they were stored (not on a dry run).
 */
public record ConsolidationReport(String agentId, String source, String fallbackReason, List<RuleChange> changes, boolean applied) {
    public ConsolidationReport {
        changes = List.copyOf(changes);
    }
}
