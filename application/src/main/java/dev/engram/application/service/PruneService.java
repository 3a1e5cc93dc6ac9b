package dev.engram.application.service;

import dev.engram.application.port.in.PruneCommand;
import dev.engram.application.port.in.PruneUseCase;
import dev.engram.application.port.out.Clock;
import dev.engram.application.port.out.TrajectoryStore;
import reactor.core.publisher.Mono;

/** Deletes trajectories older than the given age; replay indexes follow from the store's delete changes. */
public final class PruneService implements PruneUseCase {
    private final TrajectoryStore store;
    private final Clock clock;

    PruneService(TrajectoryStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Mono<Long> prune(PruneCommand command) {
        return Mono.defer(() -> store.deleteOlderThan(command.namespace(), clock.now().minus(command.olderThan())));
    }
}
