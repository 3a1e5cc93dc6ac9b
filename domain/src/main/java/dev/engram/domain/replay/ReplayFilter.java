package dev.engram.domain.replay;

import dev.engram.domain.error.DomainException;
import dev.engram.domain.trajectory.Outcome;

/**
 * Which items a sample may draw from; every component is optional ({@code null} = any) and they combine with AND.
 *
 * @param outcome the outcome, or any
 * @param agentId the agent, or any
 * @param taskId  the task, or any
 * @param domain  the domain, or any
 */
public record ReplayFilter(Outcome outcome, String agentId, String taskId, String domain) {

    private static final ReplayFilter ANY = new ReplayFilter(null, null, null, null);

    public ReplayFilter {
        requireTextOrAbsent("filter.agent_id", agentId);
        requireTextOrAbsent("filter.task_id", taskId);
        requireTextOrAbsent("filter.domain", domain);
    }

    /** The filter that lets every item through. */
    public static ReplayFilter any() {
        return ANY;
    }

    public ReplayFilter withOutcome(Outcome value) {
        return new ReplayFilter(value, agentId, taskId, domain);
    }

    public ReplayFilter withAgent(String value) {
        return new ReplayFilter(outcome, value, taskId, domain);
    }

    public ReplayFilter withTask(String value) {
        return new ReplayFilter(outcome, agentId, value, domain);
    }

    public ReplayFilter withDomain(String value) {
        return new ReplayFilter(outcome, agentId, taskId, value);
    }

    /** The value this filter asks for on one dimension, or {@code null} for any. */
    String valueOf(Dimension dimension) {
        switch (dimension) {
            case OUTCOME:
                return outcome == null ? null : outcome.wireName();
            case AGENT:
                return agentId;
            case TASK:
                return taskId;
            default:
                return domain;
        }
    }

    private static void requireTextOrAbsent(String field, String value) {
        if (value != null && value.isBlank()) {
            throw DomainException.invalidArgument(field, "must not be blank (leave it out to match any)");
        }
    }
}
