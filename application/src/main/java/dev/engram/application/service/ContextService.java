package dev.engram.application.service;

import dev.engram.application.port.in.BuildMemoryContextUseCase;
import dev.engram.application.port.in.ContextQuery;
import dev.engram.domain.memory.MemoryContext;
import dev.engram.domain.memory.TokenCounter;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Renders the context from the agent's maintained aggregate, caught up first: the cost is that of the bounded
 * aggregate (recent log, capped rules and cards), never of the agent's whole history.
 */
public final class ContextService implements BuildMemoryContextUseCase {
    private final MemoryProjector memories;
    private final TokenCounter tokens;

    ContextService(MemoryProjector memories, TokenCounter tokens) {
        this.memories = memories;
        this.tokens = tokens;
    }

    @Override
    public Mono<MemoryContext> context(ContextQuery query) {
        return Mono.fromCallable(() -> memories.catchUp(query.namespace(), query.agentId()).memory()
                .context(query.taskId(), query.maxTokens(), tokens)).subscribeOn(Schedulers.boundedElastic());
    }
}
