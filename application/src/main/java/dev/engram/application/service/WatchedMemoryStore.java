package dev.engram.application.service;

import dev.engram.application.port.out.MemoryStore;
import dev.engram.application.port.out.StoredMemory;
import dev.engram.domain.json.JsonObject;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The memory store as the use cases see it: every save or delete drops the agent's cached contexts. */
final class WatchedMemoryStore implements MemoryStore {
    private final MemoryStore store;
    private final ContextCache cache;

    WatchedMemoryStore(MemoryStore store, ContextCache cache) {
        this.store = store;
        this.cache = cache;
    }

    @Override
    public Mono<StoredMemory> load(String namespace, String agentId) {
        return store.load(namespace, agentId);
    }

    @Override
    public Mono<Long> save(String namespace, String agentId, long expectedVersion, JsonObject state) {
        return store.save(namespace, agentId, expectedVersion, state).doFinally(s -> cache.invalidate(namespace, agentId));
    }

    @Override
    public Mono<Boolean> delete(String namespace, String agentId) {
        return store.delete(namespace, agentId).doFinally(s -> cache.invalidate(namespace, agentId));
    }

    @Override
    public Flux<StoredMemory> streamAll(String namespace) {
        return store.streamAll(namespace);
    }
}
