package dev.engram.application.port.in;

import reactor.core.publisher.Mono;

public interface DeleteTrajectoryUseCase {
    /** Emits whether the trajectory existed. */
    Mono<Boolean> delete(String namespace, String trajectoryId);
}
