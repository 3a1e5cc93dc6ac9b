package dev.engram.application.service;

import dev.engram.application.port.in.BuildMemoryContextUseCase;
import dev.engram.application.port.in.ContextQuery;
import dev.engram.domain.memory.MemoryContext;
import dev.engram.domain.memory.TokenCounter;
import reactor.core.publisher.Mono;

/**
 * Renders the context from the agent's maintained aggregate, caught up first: the cost is that of the bounded
 * aggregate (recent log, capped rules and cards), never of the agent's whole history.
 */
public final class ContextService implements BuildMemoryContextUseCase {
    private final MemoryProjector memories;
    private final TokenCounter tokens;
    private final ContextCache cache;

    ContextService(MemoryProjector memories, TokenCounter tokens, ContextCache cache) {
        this.memories = memories;
        this.tokens = tokens;
        this.cache = cache;
    }

    @Override
    public Mono<MemoryContext> context(ContextQuery query) {
        if (cache.enabled()) {
            MemoryContext cached = cache.get(query.namespace(), query.agentId(), query.taskId(), query.maxTokens());
            if (cached != null) {
                return Mono.just(cached);
            }
        }
        return Mono.fromCallable(() -> {
            long generation = cache.generation(query.namespace(), query.agentId());
            MemoryContext context = memories.catchUp(query.namespace(), query.agentId()).memory()
                    .context(query.taskId(), query.maxTokens(), tokens);
            if (cache.enabled()) {
                cache.put(query.namespace(), query.agentId(), query.taskId(), query.maxTokens(), generation, context);
            }
            return context;
        }).subscribeOn(UseCaseThreads.SCHEDULER);
    }
}
