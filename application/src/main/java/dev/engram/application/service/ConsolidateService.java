package dev.engram.application.service;

import dev.engram.application.port.in.ConsolidateCommand;
import dev.engram.application.port.in.ConsolidateUseCase;
import dev.engram.application.port.in.ConsolidationReport;
import dev.engram.application.port.out.Consolidation;
import dev.engram.application.port.out.MemoryStore;
import dev.engram.application.port.out.StoredMemory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Consolidates on demand (the automatic trigger every N episodes runs inside the memory catch-up). A dry run shows
 * the rule changes the consolidator proposes and stores nothing.
 */
public final class ConsolidateService implements ConsolidateUseCase {
    private static final Duration WAIT = Duration.ofMinutes(10);

    private final MemoryProjector memories;
    private final MemoryStore store;

    ConsolidateService(MemoryProjector memories, MemoryStore store) {
        this.memories = memories;
        this.store = store;
    }

    @Override
    public Mono<List<ConsolidationReport>> consolidate(ConsolidateCommand command) {
        return Mono.fromCallable(() -> {
            List<String> agents = command.agentId() != null ? List.of(command.agentId())
                    : store.streamAll(command.namespace()).map(StoredMemory::agentId).collectList().block(WAIT);
            List<ConsolidationReport> reports = new ArrayList<>();
            for (String agent : agents) {
                MemoryProjector.Loaded loaded = memories.catchUp(command.namespace(), agent);
                if (!loaded.exists()) {
                    continue;
                }
                Consolidation proposal = memories.consolidate(command.namespace(), agent, loaded.memory());
                if (!command.dryRun()) {
                    memories.update(command.namespace(), agent, memory -> {
                        memory.consolidate(proposal.changes());
                        return memory;
                    });
                }
                reports.add(new ConsolidationReport(agent, proposal.source(), proposal.fallbackReason(), proposal.changes(), !command.dryRun()));
            }
            return reports;
        }).subscribeOn(UseCaseThreads.SCHEDULER);
    }
}
