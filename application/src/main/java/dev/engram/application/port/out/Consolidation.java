package dev.engram.application.port.out;

import dev.engram.domain.memory.RuleChange;
import java.util.List;

/**
 * A consolidator's answer: the rule changes, who made them ({@code heuristic} or the plugin), and, when a fallback
 * ran, why (null otherwise).
 */
public record Consolidation(List<RuleChange> changes, String source, String fallbackReason) {
    public Consolidation {
        changes = List.copyOf(changes);
    }
}
