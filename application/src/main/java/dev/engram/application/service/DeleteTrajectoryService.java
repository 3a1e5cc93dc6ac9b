package dev.engram.application.service;

import dev.engram.application.port.in.DeleteTrajectoryUseCase;
import dev.engram.application.port.in.Namespaces;
import dev.engram.application.port.out.TrajectoryStore;
import reactor.core.publisher.Mono;

public final class DeleteTrajectoryService implements DeleteTrajectoryUseCase {
    private final TrajectoryStore store;

    DeleteTrajectoryService(TrajectoryStore store) {
        this.store = store;
    }

    @Override
    public Mono<Boolean> delete(String namespace, String trajectoryId) {
        return Mono.defer(() -> store.delete(Namespaces.check(namespace), trajectoryId));
    }
}
