package dev.engram.application.service;

import dev.engram.domain.memory.MemoryContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Rendered memory contexts of a long-running process (the server), so that the hot read of an agent asking for its
 * context before each run costs a map lookup instead of loading, restoring and rendering its memory and counting the
 * tokens. Every memory write through this process ({@link WatchedMemoryStore}) drops the agent's entries at once;
 * what other processes write (a CLI on the same store) is seen when an entry expires, after at most the TTL.
 *
 * <p>An entry is due for a refresh three quarters of the way through its TTL: the caller renders it again in the
 * background while the entry, still within its TTL, goes on answering, so that a context asked for steadily never
 * expires under its callers (an expiry made every request of that moment wait for one rendering: the p99 of the
 * context route). Nothing older than the TTL is ever served.
 */
final class ContextCache {
    /** Entries beyond this many agents are dropped wholesale (a bound, not an eviction policy). */
    private static final int MAX_AGENTS = 10_000;

    /** A rendered context, due for a refresh from {@code refreshAt} and not served from {@code expiresAt}. */
    record Entry(MemoryContext context, long refreshAt, long expiresAt) {
    }

    private record Agent(AtomicLong generation, Map<String, Entry> contexts) {
    }

    private final long ttlNanos;
    private final LongSupplier nanos;
    private final ConcurrentHashMap<String, Agent> agents = new ConcurrentHashMap<>();

    ContextCache(long ttlNanos, LongSupplier nanos) {
        this.ttlNanos = ttlNanos;
        this.nanos = nanos;
    }

    boolean enabled() {
        return ttlNanos > 0;
    }

    static String agentKey(String namespace, String agentId) {
        return namespace + '\u0000' + agentId;
    }

    static String contextKey(String taskId, int maxTokens) {
        return (taskId == null ? "" : "t:" + taskId) + '\u0000' + maxTokens;
    }

    private Agent agent(String namespace, String agentId) {
        if (agents.size() > MAX_AGENTS) {
            agents.clear();
        }
        return agents.computeIfAbsent(agentKey(namespace, agentId), k -> new Agent(new AtomicLong(), new ConcurrentHashMap<>()));
    }

    /** The generation to hand back to {@link #put}: a write in between makes the put a no-op. */
    long generation(String namespace, String agentId) {
        return agent(namespace, agentId).generation().get();
    }

    /** The entry within its TTL, or null. */
    Entry lookup(String namespace, String agentId, String taskId, int maxTokens) {
        Agent agent = agents.get(agentKey(namespace, agentId));
        if (agent == null) {
            return null;
        }
        Entry entry = agent.contexts().get(contextKey(taskId, maxTokens));
        return entry != null && nanos.getAsLong() - entry.expiresAt() < 0 ? entry : null;
    }

    /** Whether the entry is past three quarters of its TTL (to be rendered again while it still answers). */
    boolean refreshDue(Entry entry) {
        return nanos.getAsLong() - entry.refreshAt() >= 0;
    }

    void put(String namespace, String agentId, String taskId, int maxTokens, long generation, MemoryContext context) {
        Agent agent = agent(namespace, agentId);
        long now = nanos.getAsLong();
        agent.contexts().put(contextKey(taskId, maxTokens), new Entry(context, now + ttlNanos - ttlNanos / 4, now + ttlNanos));
        if (agent.generation().get() != generation) {
            // the memory was written while this was rendered: it may be the old one
            agent.contexts().clear();
        }
    }

    void invalidate(String namespace, String agentId) {
        Agent agent = agents.get(agentKey(namespace, agentId));
        if (agent != null) {
            agent.generation().incrementAndGet();
            agent.contexts().clear();
        }
    }
}
