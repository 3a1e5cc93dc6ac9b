package dev.engram.benchmarks.memory;

import dev.engram.domain.memory.AgentMemory;
import dev.engram.domain.memory.HeuristicConsolidation;
import dev.engram.domain.memory.MemoryPolicy;

/** An agent memory after a given number of synthetic episodes, consolidated on schedule as the service would. */
final class MemoryHistory {
    private MemoryHistory() {
    }

    static AgentMemory after(int episodes, SyntheticEpisodes source) {
        AgentMemory memory = AgentMemory.empty("bench-agent", MemoryPolicy.defaults());
        for (int i = 0; i < episodes; i++) {
            memory.record(source.next());
            if (memory.consolidationDue()) {
                memory.consolidate(HeuristicConsolidation.changes(memory.episodeLog(), memory.policy()));
            }
        }
        return memory;
    }
}
