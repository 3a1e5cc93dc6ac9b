package dev.engram.application.port.in;

import reactor.core.publisher.Mono;

public interface UpdatePrioritiesUseCase {
    Mono<PriorityReport> update(UpdatePrioritiesCommand command);
}
