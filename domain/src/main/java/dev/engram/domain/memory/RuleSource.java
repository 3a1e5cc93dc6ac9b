package dev.engram.domain.memory;

/** Who made a rule. */
public enum RuleSource {
    /** Derived by the memory's own rules: an episode's successes or mistakes, or the heuristic consolidation. */
    HEURISTIC,
    /** Proposed by a language model during consolidation. */
    LLM
}
