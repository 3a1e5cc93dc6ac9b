package dev.engram.application.port.out;

import dev.engram.domain.json.JsonObject;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Per (namespace, agent) memory aggregates with optimistic concurrency: a save names the version it read, and
 * succeeds only when that is still the stored version, so two writers never lose each other's update (the loser
 * reloads and reapplies).
 */
public interface MemoryStore {

    /** The stored aggregate; empty when the agent has none. */
    Mono<StoredMemory> load(String namespace, String agentId);

    /**
     * Saves the state if the stored version is still {@code expectedVersion} (0: if none is stored yet).
     * Emits the new version ({@code expectedVersion + 1}), or empty when another writer got there first.
     */
    Mono<Long> save(String namespace, String agentId, long expectedVersion, JsonObject state);

    /** Removes the agent's aggregate; true when there was one. */
    Mono<Boolean> delete(String namespace, String agentId);

    /** Every aggregate of the namespace, ordered by agent id. */
    Flux<StoredMemory> streamAll(String namespace);
}
