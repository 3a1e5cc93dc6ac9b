package dev.engram.application.service;

import dev.engram.application.port.in.ImportSeedMemoryUseCase;
import dev.engram.application.port.in.SeedMemoryCommand;
import dev.engram.application.port.in.SeedMemoryReport;
import dev.engram.application.port.out.MemoryStore;
import dev.engram.application.port.out.TrajectoryStore;
import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import dev.engram.domain.memory.AgentMemory;
import dev.engram.domain.memory.SeedMemoryImport;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * Saves a converted seed memory as a new aggregate (expected version 0: only when the agent has none, checked
 * atomically by the store). It is marked as having learned from every change the namespace holds so far, as a
 * restored export is: the seed's history is in it already, and nothing stored before it belongs to that history.
 */
public final class SeedMemoryImportService implements ImportSeedMemoryUseCase {
    private static final Duration WAIT = Duration.ofMinutes(10);

    private final TrajectoryStore store;
    private final MemoryStore memoryStore;
    private final MemoryProjector memories;

    SeedMemoryImportService(TrajectoryStore store, MemoryStore memoryStore, MemoryProjector memories) {
        this.store = store;
        this.memoryStore = memoryStore;
        this.memories = memories;
    }

    @Override
    public Mono<SeedMemoryReport> importSeedMemory(SeedMemoryCommand command) {
        return Mono.fromCallable(() -> {
            String ns = command.namespace();
            String agent = command.agentId();
            if (memoryStore.load(ns, agent).block(WAIT) != null) {
                throw alreadyHasMemory(ns, agent);
            }
            SeedMemoryImport.Conversion conversion = SeedMemoryImport.convert(command.seedMemory(), agent, memories.policy());
            AgentMemory memory = AgentMemory.restore(conversion.state(), memories.policy());
            Long applied = store.lastSequence(ns).block(WAIT);
            Long saved = memoryStore.save(ns, agent, 0, MemoryProjector.document(memory, applied == null ? 0 : applied)).block(WAIT);
            if (saved == null) {
                throw alreadyHasMemory(ns, agent); // another process gave the agent a memory meanwhile
            }
            return new SeedMemoryReport(agent, memory.summary(), conversion.trimmed());
        }).subscribeOn(UseCaseThreads.SCHEDULER);
    }

    private static DomainException alreadyHasMemory(String namespace, String agent) {
        return new DomainException(ErrorCode.CONFLICT, "agent " + agent + " already has a memory in namespace " + namespace
                + "; nothing was imported (a memory is never merged or overwritten: forget the agent first, or import under another agent id)");
    }
}
