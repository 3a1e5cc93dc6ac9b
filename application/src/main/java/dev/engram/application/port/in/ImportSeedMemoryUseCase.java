package dev.engram.application.port.in;

import reactor.core.publisher.Mono;

/**
 * Moves a user of seed 004's memory script over: its memory file becomes the agent's memory, whole (scores, episode
 * log, mistakes, successes, cards, rules). Refused as a conflict when the agent already has a memory, which is never
 * merged or overwritten; refused as invalid input, every problem named, when the file is not such a memory.
 */
public interface ImportSeedMemoryUseCase {
    Mono<SeedMemoryReport> importSeedMemory(SeedMemoryCommand command);
}
