package dev.engram.application.port.in;

import dev.engram.domain.trajectory.Trajectory;
import reactor.core.publisher.Mono;

/** One trajectory by id; empty when the namespace holds no such id. */
public interface GetTrajectoryUseCase {
    Mono<Trajectory> get(String namespace, String trajectoryId);
}
