package dev.engram.testkit;

import dev.engram.application.port.out.MemoryStore;
import dev.engram.application.port.out.StoredMemory;
import dev.engram.domain.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A {@link MemoryStore} in memory, for application tests; it passes the same contract suite as every adapter. */
public final class InMemoryMemoryStore implements MemoryStore {
    private final Map<String, Map<String, StoredMemory>> spaces = new TreeMap<>();

    private Map<String, StoredMemory> space(String namespace) {
        return spaces.computeIfAbsent(namespace, ns -> new TreeMap<>());
    }

    @Override
    public Mono<StoredMemory> load(String namespace, String agentId) {
        return Mono.fromCallable(() -> {
            synchronized (this) {
                return space(namespace).get(agentId);
            }
        });
    }

    @Override
    public Mono<Long> save(String namespace, String agentId, long expectedVersion, JsonObject state) {
        return Mono.fromCallable(() -> {
            synchronized (this) {
                StoredMemory current = space(namespace).get(agentId);
                long version = current == null ? 0 : current.version();
                if (version != expectedVersion) {
                    return null;
                }
                space(namespace).put(agentId, new StoredMemory(namespace, agentId, version + 1, state));
                return version + 1;
            }
        });
    }

    @Override
    public Mono<Boolean> delete(String namespace, String agentId) {
        return Mono.fromCallable(() -> {
            synchronized (this) {
                return space(namespace).remove(agentId) != null;
            }
        });
    }

    @Override
    public Flux<StoredMemory> streamAll(String namespace) {
        return Flux.defer(() -> {
            List<StoredMemory> all;
            synchronized (this) {
                all = new ArrayList<>(space(namespace).values());
            }
            return Flux.fromIterable(all);
        });
    }
}
