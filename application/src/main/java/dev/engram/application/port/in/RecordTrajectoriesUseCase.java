package dev.engram.application.port.in;

import reactor.core.publisher.Mono;

/**
 * Records trajectories: redacts and validates every item (all problems at once), stores them idempotently, and
 * only for those newly stored updates the agents' memories and the replay index.
 */
public interface RecordTrajectoriesUseCase {
    Mono<RecordReport> record(RecordCommand command);
}
