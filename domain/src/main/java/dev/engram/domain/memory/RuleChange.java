package dev.engram.domain.memory;

import dev.engram.domain.error.DomainException;
import java.util.List;
import java.util.Objects;

/**
 * One change to an agent's rules, as a consolidator proposes it (the heuristic one, or a language model's
 * ADD / AGREE / EDIT / REMOVE). {@link AgentMemory#apply} applies a list of them as one batch.
 */
public sealed interface RuleChange {
    /** The importance of a new rule. */
    int NEW_RULE_IMPORTANCE = 2;

    RuleScope scope();

    /**
     * A rule to learn. When the scope already holds the same text, it is the same insight found again: its evidence
     * grows, its importance does not (votes are {@link Agree}), and it keeps its place.
     */
    record Add(RuleScope scope, String text, Polarity polarity, RuleSource source, List<String> trajectoryIds)
            implements RuleChange {
        public Add {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(polarity, "polarity");
            Objects.requireNonNull(source, "source");
            if (text == null || text.isBlank()) {
                throw DomainException.invalidArgument("text", "must not be blank");
            }
            trajectoryIds = trajectoryIds == null ? List.of() : List.copyOf(trajectoryIds);
        }
    }

    /** A vote for a rule: importance +1. */
    record Agree(RuleScope scope, String ruleId, List<String> trajectoryIds) implements RuleChange {
        public Agree {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(ruleId, "ruleId");
            trajectoryIds = trajectoryIds == null ? List.of() : List.copyOf(trajectoryIds);
        }
    }

    /**
     * A better wording, which counts as a vote (importance +1); the rule keeps its id and place. Rewording a rule
     * into the text of another rule of the scope agrees with that other rule instead, so no two rules share a text.
     */
    record Edit(RuleScope scope, String ruleId, String text) implements RuleChange {
        public Edit {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(ruleId, "ruleId");
            if (text == null || text.isBlank()) {
                throw DomainException.invalidArgument("text", "must not be blank");
            }
        }
    }

    /**
     * A vote against a rule: importance −1, or −3 while its scope is full, so that a full list makes room faster.
     * At importance 0 the rule is dropped.
     */
    record Remove(RuleScope scope, String ruleId) implements RuleChange {
        /** The vote against a rule of a scope that holds as many rules as it may. */
        public static final int WHEN_FULL = 3;

        public Remove {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(ruleId, "ruleId");
        }
    }
}
