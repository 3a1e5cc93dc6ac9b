package dev.engram.application.port.in;

import dev.engram.domain.json.JsonObject;
import java.util.Objects;

/** Import seed 004's {@code agent_memory.json} (already parsed) as the memory of an agent that has none yet. */
public record SeedMemoryCommand(String namespace, String agentId, JsonObject seedMemory) {
    public SeedMemoryCommand {
        Namespaces.check(namespace);
        Namespaces.checkAgent(agentId);
        Objects.requireNonNull(seedMemory, "seedMemory");
    }
}
