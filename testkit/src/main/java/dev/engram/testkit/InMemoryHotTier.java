package dev.engram.testkit;

import dev.engram.application.port.out.HotTier;
import dev.engram.application.query.TrajectoryQuery;
import dev.engram.domain.trajectory.Trajectory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A {@link HotTier} in memory, for application tests; it passes the same contract suite as the Redis tier. Each
 * agent keeps at most {@code maxPerAgent} copies (the oldest go first); tombstones (of ids, of agents, and the
 * highest removal cutoff) never expire.
 */
public final class InMemoryHotTier implements HotTier {
    private static final Comparator<Trajectory> OLDEST_FIRST = TrajectoryOrdering.of(TrajectoryQuery.Order.OLDEST_FIRST);

    private final int maxPerAgent;
    private final Map<String, Map<String, Trajectory>> copies = new HashMap<>();
    private final Map<String, Map<String, TreeSet<Trajectory>>> timelines = new HashMap<>();
    private final Map<String, Set<String>> tombstones = new HashMap<>();
    private final Map<String, Set<String>> removedAgents = new HashMap<>();
    private final Map<String, Instant> cutoffs = new HashMap<>();

    public InMemoryHotTier(int maxPerAgent) {
        if (maxPerAgent < 1) {
            throw new IllegalArgumentException("maxPerAgent must be positive, got " + maxPerAgent);
        }
        this.maxPerAgent = maxPerAgent;
    }

    private Map<String, Trajectory> copies(String namespace) {
        return copies.computeIfAbsent(namespace, ns -> new HashMap<>());
    }

    private TreeSet<Trajectory> timeline(String namespace, String agent) {
        return timelines.computeIfAbsent(namespace, ns -> new HashMap<>()).computeIfAbsent(agent, a -> new TreeSet<>(OLDEST_FIRST));
    }

    @Override
    public Mono<Void> put(String namespace, List<Trajectory> stored) {
        return Mono.fromRunnable(() -> {
            synchronized (this) {
                Set<String> dead = tombstones.getOrDefault(namespace, Set.of());
                Set<String> gone = removedAgents.getOrDefault(namespace, Set.of());
                Instant cutoff = cutoffs.get(namespace);
                for (Trajectory t : stored) {
                    if (dead.contains(t.trajectoryId()) || gone.contains(t.agentId()) || (cutoff != null && t.createdAt().isBefore(cutoff))) {
                        continue;
                    }
                    Trajectory previous = copies(namespace).put(t.trajectoryId(), t);
                    TreeSet<Trajectory> timeline = timeline(namespace, t.agentId());
                    if (previous != null) {
                        timeline(namespace, previous.agentId()).remove(previous);
                    }
                    timeline.add(t);
                    while (timeline.size() > maxPerAgent) {
                        copies(namespace).remove(timeline.pollFirst().trajectoryId());
                    }
                }
            }
        });
    }

    @Override
    public Flux<Trajectory> getAll(String namespace, List<String> trajectoryIds) {
        return Flux.defer(() -> {
            synchronized (this) {
                Map<String, Trajectory> held = copies(namespace);
                return Flux.fromIterable(trajectoryIds.stream().filter(held::containsKey).map(held::get).collect(Collectors.toList()));
            }
        });
    }

    @Override
    public Flux<Trajectory> recent(String namespace, String agentId, int limit) {
        return ordered(namespace, agentId, TrajectoryQuery.Order.NEWEST_FIRST, limit);
    }

    @Override
    public Flux<Trajectory> best(String namespace, String agentId, int limit) {
        return ordered(namespace, agentId, TrajectoryQuery.Order.REWARD_DESC, limit);
    }

    private Flux<Trajectory> ordered(String namespace, String agentId, TrajectoryQuery.Order order, int limit) {
        return Flux.defer(() -> {
            synchronized (this) {
                return Flux.fromIterable(timeline(namespace, agentId).stream().sorted(TrajectoryOrdering.of(order)).limit(limit)
                        .collect(Collectors.toList()));
            }
        });
    }

    @Override
    public Mono<Void> remove(String namespace, Collection<String> trajectoryIds) {
        return Mono.fromRunnable(() -> {
            synchronized (this) {
                tombstones.computeIfAbsent(namespace, ns -> new HashSet<>()).addAll(trajectoryIds);
                dropWhere(namespace, t -> trajectoryIds.contains(t.trajectoryId()));
            }
        });
    }

    @Override
    public Mono<Void> removeAgent(String namespace, String agentId) {
        return Mono.fromRunnable(() -> {
            synchronized (this) {
                removedAgents.computeIfAbsent(namespace, ns -> new HashSet<>()).add(agentId);
                dropWhere(namespace, t -> t.agentId().equals(agentId));
            }
        });
    }

    @Override
    public Mono<Void> removeOlderThan(String namespace, Instant cutoff) {
        return Mono.fromRunnable(() -> {
            synchronized (this) {
                cutoffs.merge(namespace, cutoff, (a, b) -> a.isAfter(b) ? a : b);
                dropWhere(namespace, t -> t.createdAt().isBefore(cutoff));
            }
        });
    }

    private void dropWhere(String namespace, java.util.function.Predicate<Trajectory> doomed) {
        List<Trajectory> gone = new ArrayList<>();
        copies(namespace).values().stream().filter(doomed).forEach(gone::add);
        for (Trajectory t : gone) {
            copies(namespace).remove(t.trajectoryId());
            timeline(namespace, t.agentId()).remove(t);
        }
    }
}
