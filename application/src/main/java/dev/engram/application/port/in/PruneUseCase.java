package dev.engram.application.port.in;

import reactor.core.publisher.Mono;

public interface PruneUseCase {
    /** Emits how many trajectories were deleted. */
    Mono<Long> prune(PruneCommand command);
}
