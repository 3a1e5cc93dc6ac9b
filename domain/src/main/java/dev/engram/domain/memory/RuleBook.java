package dev.engram.domain.memory;

import dev.engram.domain.error.DomainException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * All rules of one agent: a list per task, in the order the tasks were first seen (the seed's dict order, which
 * its summary shows), and the global list. Every change, whoever proposes it, goes through {@link #apply}.
 */
final class RuleBook {
    private final int rulesPerTask;
    private final int globalCapacity;
    private final int idsPerRule;
    private final Map<String, RuleList> taskRules = new LinkedHashMap<>();
    private RuleList globalRules = RuleList.EMPTY;

    RuleBook(MemoryPolicy policy) {
        this.rulesPerTask = policy.rulesPerTask();
        this.globalCapacity = policy.globalRules();
        this.idsPerRule = policy.trajectoryIdsPerRule();
    }

    /** The seed gives every task it has seen a rule list, empty or not, and counts it in its summary. */
    void ensureTask(String taskId) {
        taskRules.putIfAbsent(taskId, RuleList.EMPTY);
    }

    /** Puts back stored rules; a scope holding more than its cap keeps its highest-ranked rules. */
    void restore(RuleScope scope, List<Rule> rules) {
        for (Rule rule : rules) {
            if (!rule.scope().equals(scope)) {
                throw DomainException.invalidArgument("rules[" + scope + "]", "holds rule " + rule.id()
                        + " of scope " + rule.scope());
            }
        }
        put(scope, new RuleList(rules).trimmedTo(capacity(scope)));
    }

    /**
     * Applies a batch in order, then cuts every scope it touched to its cap, lowest rank first. Cutting once at the
     * end is what the seed does (append all, keep the last N), so a rule found again later in the same batch is
     * never cut and re-added.
     *
     * @return the changes that named a rule its scope does not hold (they change nothing)
     */
    List<RuleChange> apply(List<RuleChange> changes, long episode) {
        List<RuleChange> ignored = new ArrayList<>();
        Set<RuleScope> touched = new LinkedHashSet<>();
        for (RuleChange change : changes) {
            RuleScope scope = change.scope();
            Optional<RuleList> next = list(scope).apply(change, capacity(scope), idsPerRule, episode);
            if (next.isPresent()) {
                put(scope, next.get());
                touched.add(scope);
            } else {
                ignored.add(change);
            }
        }
        for (RuleScope scope : touched) {
            put(scope, list(scope).trimmedTo(capacity(scope)));
        }
        return ignored;
    }

    RuleList list(RuleScope scope) {
        return scope.isGlobal() ? globalRules : taskRules.getOrDefault(scope.taskId(), RuleList.EMPTY);
    }

    /** The rules of every task, in the order the tasks were first seen. */
    Map<String, List<Rule>> taskRules() {
        Map<String, List<Rule>> copy = new LinkedHashMap<>();
        taskRules.forEach((task, list) -> copy.put(task, list.rules()));
        return Collections.unmodifiableMap(copy);
    }

    private void put(RuleScope scope, RuleList list) {
        if (scope.isGlobal()) {
            globalRules = list;
        } else {
            taskRules.put(scope.taskId(), list);
        }
    }

    private int capacity(RuleScope scope) {
        return scope.isGlobal() ? globalCapacity : rulesPerTask;
    }
}
