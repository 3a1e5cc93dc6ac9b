package dev.engram.application.service;

import dev.engram.application.port.out.Change;
import dev.engram.application.port.out.HotTier;
import dev.engram.application.port.out.TrajectoryStore;
import dev.engram.application.port.out.UpsertOutcome;
import dev.engram.application.query.TrajectoryFilter;
import dev.engram.application.query.TrajectoryPage;
import dev.engram.application.query.TrajectoryQuery;
import dev.engram.domain.stats.TimeBucket;
import dev.engram.domain.stats.TrajectoryStatistics;
import dev.engram.domain.trajectory.Trajectory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The long-term store with a {@link HotTier} in front: reads by id are answered from the tier when it holds the
 * trajectory and fall through to the long-term store otherwise; writes go to the long-term store first and then
 * into the tier, so the tier never holds anything the long-term store does not. A change to what is stored (a
 * loss, a delete) first removes the copies, then changes the long-term store: if the tier cannot be reached the
 * change fails rather than leave a stale copy behind. A tier that cannot be reached for a read or a fill is only a
 * cache miss.
 *
 * <p>Queries, counts, statistics and the change feed are the long-term store's: they must be complete.
 *
 * <p>It owns neither side: whoever built them closes them (the runtime closes the ports it got from the injector).
 */
public final class TieredTrajectoryStore implements TrajectoryStore {
    private static final Logger LOG = LoggerFactory.getLogger(TieredTrajectoryStore.class);

    private final TrajectoryStore longTerm;
    private final HotTier hot;

    public TieredTrajectoryStore(TrajectoryStore longTerm, HotTier hot) {
        this.longTerm = Objects.requireNonNull(longTerm, "longTerm");
        this.hot = Objects.requireNonNull(hot, "hot");
    }

    /** The store behind the tier. */
    public TrajectoryStore longTerm() {
        return longTerm;
    }

    @Override
    public Mono<List<UpsertOutcome>> upsert(String namespace, List<Trajectory> batch, boolean atomic) {
        return longTerm.upsert(namespace, batch, atomic).flatMap(outcomes -> {
            List<Trajectory> inserted = new ArrayList<>();
            for (int i = 0; i < outcomes.size(); i++) {
                if (outcomes.get(i).status() == UpsertOutcome.Status.INSERTED) {
                    inserted.add(batch.get(i));
                }
            }
            if (inserted.isEmpty()) {
                return Mono.just(outcomes);
            }
            return hot.put(namespace, inserted)
                    .onErrorResume(e -> {
                        // the copies are missing, never wrong: later reads fall through to the long-term store
                        LOG.warn("the hot tier did not take {} new trajectories of namespace {}: {}", inserted.size(), namespace, e.toString());
                        return Mono.empty();
                    })
                    .thenReturn(outcomes);
        });
    }

    @Override
    public Mono<Map<String, String>> contentHashes(String namespace, List<String> trajectoryIds) {
        return longTerm.contentHashes(namespace, trajectoryIds);
    }

    @Override
    public Mono<Trajectory> get(String namespace, String trajectoryId) {
        return getAll(namespace, List.of(trajectoryId)).next();
    }

    @Override
    public Flux<Trajectory> getAll(String namespace, List<String> trajectoryIds) {
        if (trajectoryIds.isEmpty()) {
            return Flux.empty();
        }
        return hot.getAll(namespace, trajectoryIds)
                .collectMap(Trajectory::trajectoryId)
                .onErrorResume(e -> {
                    LOG.debug("hot tier read failed, reading the long-term store: {}", e.toString());
                    return Mono.just(Map.of());
                })
                .flatMapMany(held -> {
                    List<String> missing = trajectoryIds.stream().filter(id -> !held.containsKey(id)).toList();
                    Mono<Map<String, Trajectory>> rest = missing.isEmpty() ? Mono.just(Map.of())
                            : longTerm.getAll(namespace, missing).collectMap(Trajectory::trajectoryId);
                    return rest.flatMapMany(fetched -> {
                        Map<String, Trajectory> all = new HashMap<>(held);
                        all.putAll(fetched);
                        return Flux.fromIterable(trajectoryIds).filter(all::containsKey).map(all::get);
                    });
                });
    }

    @Override
    public Mono<TrajectoryPage> query(String namespace, TrajectoryQuery query) {
        return longTerm.query(namespace, query);
    }

    @Override
    public Mono<Long> count(String namespace, TrajectoryFilter filter) {
        return longTerm.count(namespace, filter);
    }

    @Override
    public Mono<TrajectoryStatistics> statistics(String namespace, TrajectoryFilter filter, TimeBucket bucket) {
        return longTerm.statistics(namespace, filter, bucket);
    }

    @Override
    public Mono<Set<String>> updateLosses(String namespace, Map<String, Double> losses) {
        return hot.remove(namespace, losses.keySet()).then(longTerm.updateLosses(namespace, losses));
    }

    @Override
    public Mono<Void> addReplays(String namespace, Map<String, Long> replays) {
        return longTerm.addReplays(namespace, replays);
    }

    @Override
    public Mono<Map<String, Long>> replayCounts(String namespace, Collection<String> trajectoryIds) {
        return longTerm.replayCounts(namespace, trajectoryIds);
    }

    @Override
    public Mono<Long> totalReplays(String namespace) {
        return longTerm.totalReplays(namespace);
    }

    @Override
    public Mono<Boolean> delete(String namespace, String trajectoryId) {
        return hot.remove(namespace, List.of(trajectoryId)).then(longTerm.delete(namespace, trajectoryId));
    }

    @Override
    public Mono<Long> deleteOlderThan(String namespace, Instant cutoff) {
        return hot.removeOlderThan(namespace, cutoff).then(longTerm.deleteOlderThan(namespace, cutoff));
    }

    @Override
    public Mono<Long> deleteAgent(String namespace, String agentId) {
        return hot.removeAgent(namespace, agentId).then(longTerm.deleteAgent(namespace, agentId));
    }

    @Override
    public Flux<Trajectory> streamAll(String namespace) {
        return longTerm.streamAll(namespace);
    }

    @Override
    public Flux<Change> changesSince(String namespace, long afterSequence, int limit) {
        return longTerm.changesSince(namespace, afterSequence, limit);
    }

    @Override
    public Flux<Change> insertsOfAgentSince(String namespace, String agentId, long afterSequence, int limit) {
        return longTerm.insertsOfAgentSince(namespace, agentId, afterSequence, limit);
    }

    @Override
    public Mono<Long> lastSequence(String namespace) {
        return longTerm.lastSequence(namespace);
    }

    @Override
    public Flux<String> namespaces() {
        return longTerm.namespaces();
    }
}
