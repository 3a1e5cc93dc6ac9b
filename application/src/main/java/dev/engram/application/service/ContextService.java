package dev.engram.application.service;

import dev.engram.application.port.in.BuildMemoryContextUseCase;
import dev.engram.application.port.in.ContextQuery;
import dev.engram.domain.memory.MemoryContext;
import dev.engram.domain.memory.TokenCounter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/**
 * Renders the context from the agent's maintained aggregate, caught up first: the cost is that of the bounded
 * aggregate (recent log, capped rules and cards), never of the agent's whole history.
 */
public final class ContextService implements BuildMemoryContextUseCase {
    private final MemoryProjector memories;
    private final TokenCounter tokens;
    private final ContextCache cache;
    private final Map<String, Mono<MemoryContext>> rendering = new ConcurrentHashMap<>();

    ContextService(MemoryProjector memories, TokenCounter tokens, ContextCache cache) {
        this.memories = memories;
        this.tokens = tokens;
        this.cache = cache;
    }

    @Override
    public Mono<MemoryContext> context(ContextQuery query) {
        if (!cache.enabled()) {
            return render(query, 0);
        }
        MemoryContext cached = cache.get(query.namespace(), query.agentId(), query.taskId(), query.maxTokens());
        if (cached != null) {
            return Mono.just(cached);
        }
        // one rendering per context and memory generation: when an entry expires under 64 waiting requests, one
        // renders it and the others wait for that one; a request after a memory write (a new generation) never
        // joins a rendering that began before the write
        long generation = cache.generation(query.namespace(), query.agentId());
        String key = ContextCache.agentKey(query.namespace(), query.agentId()) + '\u0000'
                + ContextCache.contextKey(query.taskId(), query.maxTokens()) + '\u0000' + generation;
        return rendering.computeIfAbsent(key, k -> render(query, generation).doFinally(signal -> rendering.remove(k)).cache());
    }

    private Mono<MemoryContext> render(ContextQuery query, long generation) {
        return Mono.fromCallable(() -> {
            MemoryContext context = memories.catchUp(query.namespace(), query.agentId()).memory()
                    .context(query.taskId(), query.maxTokens(), tokens);
            if (cache.enabled()) {
                cache.put(query.namespace(), query.agentId(), query.taskId(), query.maxTokens(), generation, context);
            }
            return context;
        }).subscribeOn(UseCaseThreads.SCHEDULER);
    }
}
