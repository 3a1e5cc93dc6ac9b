package dev.engram.application.service;

import dev.engram.application.port.in.ForgetAgentUseCase;
import dev.engram.application.port.in.ForgetReport;
import dev.engram.application.port.in.Namespaces;
import dev.engram.application.port.out.MemoryStore;
import dev.engram.application.port.out.TrajectoryStore;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * Erases an agent: its trajectories (the store records deletes, so every replay index drops them), then its memory
 * aggregate. In that order, so that a crash half-way cannot leave a memory rebuilt from trajectories about to go.
 */
public final class ForgetService implements ForgetAgentUseCase {
    private static final Duration WAIT = Duration.ofMinutes(10);

    private final TrajectoryStore store;
    private final MemoryStore memories;
    private final ReplayIndexes indexes;

    ForgetService(TrajectoryStore store, MemoryStore memories, ReplayIndexes indexes) {
        this.store = store;
        this.memories = memories;
        this.indexes = indexes;
    }

    @Override
    public Mono<ForgetReport> forget(String namespace, String agentId) {
        return Mono.fromCallable(() -> {
            Namespaces.check(namespace);
            Namespaces.checkAgent(agentId);
            long indexed = indexes.withIndex(namespace, index -> index.entries().filter(e -> e.item().agentId().equals(agentId)).count());
            Long trajectories = store.deleteAgent(namespace, agentId).block(WAIT);
            Boolean memory = memories.delete(namespace, agentId).block(WAIT);
            long left = indexes.withIndex(namespace, index -> index.entries().filter(e -> e.item().agentId().equals(agentId)).count());
            return new ForgetReport(agentId, trajectories == null ? 0 : trajectories, Boolean.TRUE.equals(memory), indexed - left);
        }).subscribeOn(UseCaseThreads.SCHEDULER);
    }
}
