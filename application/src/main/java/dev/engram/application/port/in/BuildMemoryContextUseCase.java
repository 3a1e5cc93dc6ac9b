package dev.engram.application.port.in;

import dev.engram.domain.memory.MemoryContext;
import reactor.core.publisher.Mono;

/** Renders an agent's memory context from its maintained aggregate (no scan of its history); empty text when it has none. */
public interface BuildMemoryContextUseCase {
    /**
     * Never blocks the subscribing thread: a context held in memory is answered at once, anything else is rendered
     * on the use cases' own threads (so an event-loop thread may subscribe).
     */
    Mono<MemoryContext> context(ContextQuery query);
}
