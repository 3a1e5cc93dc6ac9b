package dev.engram.application.port.out;

import dev.engram.domain.memory.AgentMemoryState;
import dev.engram.domain.memory.MemoryPolicy;
import dev.engram.domain.trajectory.Trajectory;
import java.util.List;
import java.util.Objects;

/**
 * What a consolidation sees: the agent's memory as it stands (its rules, episode log, cards), the policy, and the
 * agent's most recent successful and failed trajectories as separate evidence (redacted, as everything stored is).
 */
public record ConsolidationInput(String namespace, String agentId, AgentMemoryState memory, MemoryPolicy policy,
                                 List<Trajectory> recentSuccesses, List<Trajectory> recentFailures) {
    public ConsolidationInput {
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(policy, "policy");
        recentSuccesses = List.copyOf(recentSuccesses);
        recentFailures = List.copyOf(recentFailures);
    }
}
