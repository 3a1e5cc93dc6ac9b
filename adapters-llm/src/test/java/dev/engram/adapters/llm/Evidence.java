package dev.engram.adapters.llm;

import dev.engram.application.port.out.ConsolidationInput;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.memory.AgentMemory;
import dev.engram.domain.memory.AgentMemoryState;
import dev.engram.domain.memory.MemoryPolicy;
import dev.engram.domain.memory.Rule;
import dev.engram.domain.memory.TrajectoryEpisodes;
import dev.engram.domain.trajectory.ActionStep;
import dev.engram.domain.trajectory.Outcome;
import dev.engram.domain.trajectory.Reflection;
import dev.engram.domain.trajectory.Trajectory;
import dev.engram.testkit.Trajectories;
import java.util.List;

/** An agent with a success and a failure of one task, the memory they made, and the input a consolidation sees. */
final class Evidence {
    static final String AGENT = "builder_agent";
    static final String TASK = "deploy";
    static final MemoryPolicy POLICY = MemoryPolicy.defaults();

    static final Trajectory SUCCESS = Trajectories.plain("ok-1").agentId(AGENT).taskId(TASK)
            .finalOutcome(Outcome.SUCCESS).reward(0.95)
            .steps(List.of(new ActionStep(null, "read_logs", JsonObject.builder().put("service", "auth").build(), null, "look first")))
            .reflection(new Reflection("Read the logs, found the expired JWT", List.of(), List.of("Read the logs before acting"), List.of()))
            .build();
    static final Trajectory FAILURE = Trajectories.plain("bad-1").agentId(AGENT).taskId(TASK)
            .finalOutcome(Outcome.FAILURE).reward(0.1)
            .reflection(new Reflection("Escalated without looking", List.of("Escalated too early"), List.of(), List.of()))
            .build();

    private Evidence() {
    }

    /** Another success of the task, with no reflection. */
    static Trajectory success(String id) {
        return Trajectories.plain(id).agentId(AGENT).taskId(TASK).finalOutcome(Outcome.SUCCESS).reward(0.9).build();
    }

    /** The memory after both episodes: a [WORKS] and an [AVOID] rule for the task. */
    static AgentMemory memory() {
        AgentMemory memory = AgentMemory.empty(AGENT, POLICY);
        memory.record(TrajectoryEpisodes.from(SUCCESS));
        memory.record(TrajectoryEpisodes.from(FAILURE));
        return memory;
    }

    static ConsolidationInput input() {
        return input(memory().state(), List.of(SUCCESS), List.of(FAILURE));
    }

    static ConsolidationInput input(AgentMemoryState state, List<Trajectory> successes, List<Trajectory> failures) {
        return new ConsolidationInput("default", AGENT, state, POLICY, successes, failures);
    }

    /** The id of the agent's first rule of the task (the [WORKS] one). */
    static Rule firstRule() {
        return memory().state().taskRules().get(TASK).get(0);
    }
}
