package dev.engram.application.query;

import dev.engram.domain.trajectory.Outcome;
import java.time.Instant;

/**
 * Which trajectories a query, count or statistic covers; every field is optional (null = any).
 * {@code since} is inclusive and {@code until} exclusive, on {@code created_at}.
 */
public record TrajectoryFilter(String agentId, String taskId, String domain, Outcome outcome, Instant since, Instant until) {
    public static final TrajectoryFilter ALL = new TrajectoryFilter(null, null, null, null, null, null);

    public static TrajectoryFilter agent(String agentId) {
        return new TrajectoryFilter(agentId, null, null, null, null, null);
    }

    public TrajectoryFilter withOutcome(Outcome value) {
        return new TrajectoryFilter(agentId, taskId, domain, value, since, until);
    }

    public TrajectoryFilter withTask(String value) {
        return new TrajectoryFilter(agentId, value, domain, outcome, since, until);
    }
}
