package dev.engram.domain.memory;

import dev.engram.domain.error.DomainException;

/**
 * Where a rule applies: one task, or every task (global).
 *
 * @param taskId the task, or {@code null} for global rules
 */
public record RuleScope(String taskId) {
    public static final RuleScope GLOBAL = new RuleScope(null);

    public RuleScope {
        if (taskId != null && taskId.isEmpty()) {
            throw DomainException.invalidArgument("taskId", "must not be empty (global rules have no task)");
        }
    }

    public static RuleScope task(String taskId) {
        if (taskId == null) {
            throw DomainException.invalidArgument("taskId", "must be given for a task rule");
        }
        return new RuleScope(taskId);
    }

    public boolean isGlobal() {
        return taskId == null;
    }

    @Override
    public String toString() {
        return isGlobal() ? "global" : "task:" + taskId;
    }
}
