package dev.engram.application.service;

import dev.engram.application.port.in.GetTrajectoryUseCase;
import dev.engram.application.port.in.Namespaces;
import dev.engram.application.port.out.TrajectoryStore;
import dev.engram.domain.trajectory.Trajectory;
import reactor.core.publisher.Mono;

public final class GetTrajectoryService implements GetTrajectoryUseCase {
    private final TrajectoryStore store;

    GetTrajectoryService(TrajectoryStore store) {
        this.store = store;
    }

    @Override
    public Mono<Trajectory> get(String namespace, String trajectoryId) {
        return Mono.defer(() -> store.get(Namespaces.check(namespace), trajectoryId));
    }
}
