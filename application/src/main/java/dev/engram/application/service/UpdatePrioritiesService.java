package dev.engram.application.service;

import dev.engram.application.port.in.PriorityReport;
import dev.engram.application.port.in.UpdatePrioritiesCommand;
import dev.engram.application.port.in.UpdatePrioritiesUseCase;
import dev.engram.application.port.out.TrajectoryStore;
import java.util.List;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;

/**
 * Stores new losses; the store records each as a change, so every process's replay index picks the new
 * priorities up from the feed. Ids no longer stored are reported and skipped, as PER skips evicted items.
 */
public final class UpdatePrioritiesService implements UpdatePrioritiesUseCase {
    private final TrajectoryStore store;

    UpdatePrioritiesService(TrajectoryStore store) {
        this.store = store;
    }

    @Override
    public Mono<PriorityReport> update(UpdatePrioritiesCommand command) {
        if (command.losses().isEmpty()) {
            return Mono.just(new PriorityReport(0, List.of()));
        }
        return store.updateLosses(command.namespace(), command.losses()).map(updated -> new PriorityReport(updated.size(),
                command.losses().keySet().stream().filter(id -> !updated.contains(id)).collect(Collectors.toList())));
    }
}
