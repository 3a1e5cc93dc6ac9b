package dev.engram.application.port.out;

import dev.engram.application.query.TrajectoryFilter;
import dev.engram.application.query.TrajectoryPage;
import dev.engram.application.query.TrajectoryQuery;
import dev.engram.domain.stats.TimeBucket;
import dev.engram.domain.stats.TrajectoryStatistics;
import dev.engram.domain.trajectory.Trajectory;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The trajectories of every namespace, and the change feed that lets any process follow what was written.
 * Everything is keyed by (namespace, trajectory id); nothing of one namespace is visible through another.
 * Blocking implementations run on a bounded scheduler, never on the caller's thread.
 *
 * <p>Failures of the backend itself (unreachable, corrupt, a newer schema) are signalled as
 * {@link dev.engram.domain.error.DomainException} with code {@code backend_unavailable}.
 */
public interface TrajectoryStore {

    /**
     * Stores new trajectories. Per item: inserted (with its change sequence), unchanged (the same id with the same
     * {@link Trajectory#contentHash() content} — its stored loss and created_at are kept), or a conflict (the same
     * id with other content; nothing changes). With {@code atomic}, one conflict stores nothing of the batch (the
     * others are reported {@code NOT_STORED}); without, everything that can be stored is. Duplicate ids within one
     * batch are the caller's to refuse. A backend failure part-way may leave a prefix stored; retrying the same
     * batch completes it without duplicates.
     */
    Mono<List<UpsertOutcome>> upsert(String namespace, List<Trajectory> batch, boolean atomic);

    /** The trajectory, with its current loss; empty when absent. */
    Mono<Trajectory> get(String namespace, String trajectoryId);

    /** The trajectories that exist among the ids, in the order of the ids. */
    Flux<Trajectory> getAll(String namespace, List<String> trajectoryIds);

    /**
     * The {@link Trajectory#contentHash() content hashes} of those of the ids that are stored (the write buffer's
     * conflict check). A store that can answer without reading the trajectories should.
     */
    default Mono<Map<String, String>> contentHashes(String namespace, List<String> trajectoryIds) {
        return getAll(namespace, trajectoryIds).collectMap(Trajectory::trajectoryId, Trajectory::contentHash);
    }

    Mono<TrajectoryPage> query(String namespace, TrajectoryQuery query);

    Mono<Long> count(String namespace, TrajectoryFilter filter);

    /** Statistics over the filtered trajectories; with a bucket width, the time series too. */
    Mono<TrajectoryStatistics> statistics(String namespace, TrajectoryFilter filter, TimeBucket bucket);

    /** Sets the losses (priorities) of stored trajectories; returns the ids that exist and were updated. */
    Mono<Set<String>> updateLosses(String namespace, Map<String, Double> losses);

    /** Adds to the replay counts of stored trajectories (ids that no longer exist are skipped). */
    Mono<Void> addReplays(String namespace, Map<String, Long> replays);

    /** Replay counts of the given ids (absent ids are left out). */
    Mono<Map<String, Long>> replayCounts(String namespace, Collection<String> trajectoryIds);

    /** The sum of all replay counts in the namespace. */
    Mono<Long> totalReplays(String namespace);

    Mono<Boolean> delete(String namespace, String trajectoryId);

    /** Deletes trajectories created before the cutoff; returns how many. */
    Mono<Long> deleteOlderThan(String namespace, Instant cutoff);

    /** Deletes every trajectory of the agent; returns how many. */
    Mono<Long> deleteAgent(String namespace, String agentId);

    /** Every trajectory of the namespace in (created_at, id) order, streamed. */
    Flux<Trajectory> streamAll(String namespace);

    /** Changes after the sequence, in sequence order, at most {@code limit}. */
    Flux<Change> changesSince(String namespace, long afterSequence, int limit);

    /** Inserts of one agent after the sequence, in sequence order, at most {@code limit}. */
    Flux<Change> insertsOfAgentSince(String namespace, String agentId, long afterSequence, int limit);

    /** The highest sequence of the namespace; 0 when nothing was ever written. */
    Mono<Long> lastSequence(String namespace);

    /** Every namespace that holds anything. */
    Flux<String> namespaces();
}
