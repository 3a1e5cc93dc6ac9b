package dev.engram.application.service;

import dev.engram.application.port.in.BuildMemoryContextUseCase;
import dev.engram.application.port.in.ContextQuery;
import dev.engram.domain.memory.MemoryContext;
import dev.engram.domain.memory.TokenCounter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Renders the context from the agent's maintained aggregate, caught up first: the cost is that of the bounded
 * aggregate (recent log, capped rules and cards), never of the agent's whole history.
 */
public final class ContextService implements BuildMemoryContextUseCase {
    private static final Logger LOG = LoggerFactory.getLogger(ContextService.class);
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
            return render(query, 0, () -> { });
        }
        ContextCache.Entry cached = cache.lookup(query.namespace(), query.agentId(), query.taskId(), query.maxTokens());
        if (cached != null) {
            if (cache.refreshDue(cached)) {
                // rendered again ahead of its expiry, in the background; until then the entry answers (it is within
                // its TTL). A failure here is left to the request that finds the entry expired: it renders and fails.
                renderOnce(query).subscribe(c -> { }, e -> LOG.debug("refreshing the context of {} failed: {}", query.agentId(), e.toString()));
            }
            return Mono.just(cached.context());
        }
        return renderOnce(query);
    }

    /**
     * One rendering per context and memory generation: when an entry expires under 64 waiting requests, one renders
     * it and the others wait for that one; a request after a memory write (a new generation) never joins a rendering
     * that began before the write.
     */
    private Mono<MemoryContext> renderOnce(ContextQuery query) {
        long generation = cache.generation(query.namespace(), query.agentId());
        String key = ContextCache.agentKey(query.namespace(), query.agentId()) + '\u0000'
                + ContextCache.contextKey(query.taskId(), query.maxTokens()) + '\u0000' + generation;
        return rendering.computeIfAbsent(key, k -> {
            AtomicReference<Mono<MemoryContext>> self = new AtomicReference<>();
            // this rendering leaves the map as soon as its context is in the cache (a request after that finds the
            // entry, never this finished rendering), or when it fails; only this one, never a later one of the key
            Runnable done = () -> rendering.remove(k, self.get());
            Mono<MemoryContext> once = render(query, generation, done).doFinally(signal -> done.run()).cache();
            self.set(once);
            return once;
        });
    }

    private Mono<MemoryContext> render(ContextQuery query, long generation, Runnable rendered) {
        return Mono.fromCallable(() -> {
            MemoryContext context = memories.catchUp(query.namespace(), query.agentId()).memory()
                    .context(query.taskId(), query.maxTokens(), tokens);
            if (cache.enabled()) {
                cache.put(query.namespace(), query.agentId(), query.taskId(), query.maxTokens(), generation, context);
            }
            rendered.run();
            return context;
        }).subscribeOn(UseCaseThreads.SCHEDULER);
    }
}
