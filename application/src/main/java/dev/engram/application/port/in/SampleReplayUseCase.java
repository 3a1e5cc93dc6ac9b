package dev.engram.application.port.in;

import reactor.core.publisher.Mono;

/** Draws a replay batch from the namespace's replay index, caught up with the store first. */
public interface SampleReplayUseCase {
    Mono<SampleResult> sample(SampleCommand command);
}
