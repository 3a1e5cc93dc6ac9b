package dev.engram.application.port.in;

import dev.engram.domain.memory.MemoryContext;
import reactor.core.publisher.Mono;

/** Renders an agent's memory context from its maintained aggregate (no scan of its history); empty text when it has none. */
public interface BuildMemoryContextUseCase {
    Mono<MemoryContext> context(ContextQuery query);
}
