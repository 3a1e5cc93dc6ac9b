package dev.engram.application.port.out;

import dev.engram.domain.trajectory.Trajectory;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A cache of recent trajectories in front of the long-term {@link TrajectoryStore}, per (namespace, agent): it only
 * ever holds copies of what the long-term store already holds, so its time-to-live and per-agent caps may drop
 * anything at any time without losing data. Content under an id never changes, so a copy is never stale; what
 * does change (the loss, a delete) is removed from the tier before the long-term store changes it. A removed id
 * leaves a tombstone that keeps later puts of it out for at least the tier's time-to-live, so a writer that stored
 * an id just before a concurrent loss update cannot put the old copy back; and the tier is only filled by writes,
 * never by reads (a read could otherwise re-cache what a concurrent change just removed).
 *
 * <p>It answers what it holds, not necessarily everything: reads that must be complete go to the long-term store.
 */
public interface HotTier {

    /**
     * Copies trajectories the long-term store has just inserted (with their loss at that moment); ids removed
     * before (tombstoned) are skipped.
     */
    Mono<Void> put(String namespace, List<Trajectory> stored);

    /** The copies held among the ids, in the order of the ids. */
    Flux<Trajectory> getAll(String namespace, List<String> trajectoryIds);

    /** The agent's most recent trajectories the tier holds, newest first (created_at, then id, descending). */
    Flux<Trajectory> recent(String namespace, String agentId, int limit);

    /** The agent's best trajectories the tier holds: highest reward first, among equals newest first. */
    Flux<Trajectory> best(String namespace, String agentId, int limit);

    /** Drops the copies of these ids and tombstones them (before their loss changes or they are deleted). */
    Mono<Void> remove(String namespace, Collection<String> trajectoryIds);

    /** Drops every copy of the agent's trajectories; later puts of the agent are kept out for a while too. */
    Mono<Void> removeAgent(String namespace, String agentId);

    /** Drops every copy created before the cutoff; later puts of anything older are kept out too. */
    Mono<Void> removeOlderThan(String namespace, Instant cutoff);
}
