package dev.engram.testkit;

import dev.engram.application.port.out.Change;
import dev.engram.application.query.TrajectoryFilter;
import dev.engram.application.query.TrajectoryPage;
import dev.engram.application.query.TrajectoryQuery;
import dev.engram.application.port.out.TrajectoryStore;
import dev.engram.application.port.out.UpsertOutcome;
import dev.engram.domain.error.DomainException;
import dev.engram.domain.replay.ReplayItem;
import dev.engram.domain.stats.TimeBucket;
import dev.engram.domain.stats.TrajectoryStatistics;
import dev.engram.domain.trajectory.Outcome;
import dev.engram.domain.trajectory.Trajectory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A {@link TrajectoryStore} in memory, for application tests; it passes the same contract suite as every adapter.
 * One lock guards everything, which is what makes its change sequences visible in order.
 */
public final class InMemoryTrajectoryStore implements TrajectoryStore {
    private record Row(Trajectory trajectory, String hash, long replays) {
    }

    private static final class Space {
        final Map<String, Row> rows = new HashMap<>();
        final TreeMap<Long, Change> changes = new TreeMap<>();
        long sequence;
    }

    private final Map<String, Space> spaces = new TreeMap<>();

    private synchronized Space space(String namespace) {
        return spaces.computeIfAbsent(namespace, ns -> new Space());
    }

    private static ReplayItem item(Trajectory t) {
        return new ReplayItem(t.trajectoryId(), t.createdAt(), t.agentId(), t.taskId(), t.domain(), t.finalOutcome(), t.loss());
    }

    private static void record(Space space, Change.Kind kind, Trajectory t) {
        space.sequence++;
        space.changes.put(space.sequence, new Change(space.sequence, kind, item(t)));
    }

    @Override
    public Mono<List<UpsertOutcome>> upsert(String namespace, List<Trajectory> batch, boolean atomic) {
        return Mono.fromCallable(() -> {
            synchronized (this) {
                Space space = space(namespace);
                if (atomic) {
                    boolean conflict = batch.stream().anyMatch(t -> {
                        Row row = space.rows.get(t.trajectoryId());
                        return row != null && !row.hash().equals(t.contentHash());
                    });
                    if (conflict) {
                        return batch.stream().map(t -> {
                            Row row = space.rows.get(t.trajectoryId());
                            return row != null && !row.hash().equals(t.contentHash())
                                    ? UpsertOutcome.conflict(t.trajectoryId()) : UpsertOutcome.notStored(t.trajectoryId());
                        }).collect(Collectors.toList());
                    }
                }
                List<UpsertOutcome> out = new ArrayList<>(batch.size());
                for (Trajectory t : batch) {
                    Row row = space.rows.get(t.trajectoryId());
                    String hash = t.contentHash();
                    if (row == null) {
                        space.rows.put(t.trajectoryId(), new Row(t, hash, 0));
                        record(space, Change.Kind.INSERT, t);
                        out.add(UpsertOutcome.inserted(t.trajectoryId(), space.sequence));
                    } else {
                        out.add(row.hash().equals(hash) ? UpsertOutcome.unchanged(t.trajectoryId()) : UpsertOutcome.conflict(t.trajectoryId()));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public Mono<Trajectory> get(String namespace, String trajectoryId) {
        return Mono.fromCallable(() -> {
            synchronized (this) {
                Row row = space(namespace).rows.get(trajectoryId);
                return row == null ? null : row.trajectory();
            }
        });
    }

    @Override
    public Flux<Trajectory> getAll(String namespace, List<String> trajectoryIds) {
        return Flux.defer(() -> {
            List<Trajectory> found = new ArrayList<>();
            synchronized (this) {
                Space space = space(namespace);
                for (String id : trajectoryIds) {
                    Row row = space.rows.get(id);
                    if (row != null) {
                        found.add(row.trajectory());
                    }
                }
            }
            return Flux.fromIterable(found);
        });
    }

    private synchronized List<Trajectory> matching(String namespace, TrajectoryFilter filter) {
        Predicate<Trajectory> match = t -> (filter.agentId() == null || filter.agentId().equals(t.agentId()))
                && (filter.taskId() == null || filter.taskId().equals(t.taskId()))
                && (filter.domain() == null || filter.domain().equals(t.domain()))
                && (filter.outcome() == null || filter.outcome() == t.finalOutcome())
                && (filter.since() == null || !t.createdAt().isBefore(filter.since()))
                && (filter.until() == null || t.createdAt().isBefore(filter.until()));
        return space(namespace).rows.values().stream().map(Row::trajectory).filter(match).collect(Collectors.toList());
    }

    @Override
    public Mono<TrajectoryPage> query(String namespace, TrajectoryQuery query) {
        return Mono.fromCallable(() -> {
            Comparator<Trajectory> order = TrajectoryOrdering.of(query.order());
            List<Trajectory> all = matching(namespace, query.filter());
            all.sort(order);
            Trajectory after = query.cursor() == null ? null : decodeCursor(query.cursor());
            List<Trajectory> page = all.stream()
                    .filter(t -> after == null || order.compare(t, after) > 0)
                    .limit(query.limit() + 1L)
                    .collect(Collectors.toList());
            boolean more = page.size() > query.limit();
            List<Trajectory> items = more ? page.subList(0, query.limit()) : page;
            return new TrajectoryPage(items, more ? encodeCursor(items.get(items.size() - 1)) : null);
        });
    }

    /** The cursor holds the sort keys of the last item returned (created_at, reward, id). */
    private static String encodeCursor(Trajectory last) {
        String raw = last.createdAt() + "|" + last.reward() + "|" + last.trajectoryId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static Trajectory decodeCursor(String cursor) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 3);
            return Trajectory.builder().trajectoryId(parts[2]).agentId("-").taskId("-")
                    .finalOutcome(Outcome.SUCCESS)
                    .createdAt(Instant.parse(parts[0])).reward(Double.parseDouble(parts[1])).build();
        } catch (RuntimeException e) {
            throw DomainException.invalidArgument("cursor", "is not a cursor this store made");
        }
    }

    @Override
    public Mono<Long> count(String namespace, TrajectoryFilter filter) {
        return Mono.fromCallable(() -> (long) matching(namespace, filter).size());
    }

    @Override
    public Mono<TrajectoryStatistics> statistics(String namespace, TrajectoryFilter filter, TimeBucket bucket) {
        return Mono.fromCallable(() -> {
            TrajectoryStatistics.Accumulator accumulator = TrajectoryStatistics.accumulator(bucket);
            matching(namespace, filter).forEach(accumulator::add);
            return accumulator.result();
        });
    }

    @Override
    public Mono<Set<String>> updateLosses(String namespace, Map<String, Double> losses) {
        return Mono.fromCallable(() -> {
            synchronized (this) {
                Space space = space(namespace);
                Set<String> updated = new LinkedHashSet<>();
                losses.forEach((id, loss) -> {
                    Row row = space.rows.get(id);
                    if (row != null) {
                        Trajectory changed = row.trajectory().withLoss(loss);
                        space.rows.put(id, new Row(changed, row.hash(), row.replays()));
                        record(space, Change.Kind.LOSS, changed);
                        updated.add(id);
                    }
                });
                return updated;
            }
        });
    }

    @Override
    public Mono<Void> addReplays(String namespace, Map<String, Long> replays) {
        return Mono.fromRunnable(() -> {
            synchronized (this) {
                Space space = space(namespace);
                replays.forEach((id, n) -> space.rows.computeIfPresent(id, (k, row) -> new Row(row.trajectory(), row.hash(), row.replays() + n)));
            }
        });
    }

    @Override
    public Mono<Map<String, Long>> replayCounts(String namespace, Collection<String> trajectoryIds) {
        return Mono.fromCallable(() -> {
            synchronized (this) {
                Space space = space(namespace);
                Map<String, Long> out = new LinkedHashMap<>();
                trajectoryIds.forEach(id -> {
                    Row row = space.rows.get(id);
                    if (row != null) {
                        out.put(id, row.replays());
                    }
                });
                return out;
            }
        });
    }

    @Override
    public Mono<Long> totalReplays(String namespace) {
        return Mono.fromCallable(() -> {
            synchronized (this) {
                return space(namespace).rows.values().stream().mapToLong(Row::replays).sum();
            }
        });
    }

    @Override
    public Mono<Boolean> delete(String namespace, String trajectoryId) {
        return Mono.fromCallable(() -> deleteWhere(namespace, t -> t.trajectoryId().equals(trajectoryId)) > 0);
    }

    @Override
    public Mono<Long> deleteOlderThan(String namespace, Instant cutoff) {
        return Mono.fromCallable(() -> deleteWhere(namespace, t -> t.createdAt().isBefore(cutoff)));
    }

    @Override
    public Mono<Long> deleteAgent(String namespace, String agentId) {
        return Mono.fromCallable(() -> deleteWhere(namespace, t -> t.agentId().equals(agentId)));
    }

    private synchronized long deleteWhere(String namespace, Predicate<Trajectory> doomed) {
        Space space = space(namespace);
        List<Trajectory> gone = space.rows.values().stream().map(Row::trajectory).filter(doomed)
                .sorted(TrajectoryOrdering.of(TrajectoryQuery.Order.OLDEST_FIRST)).collect(Collectors.toList());
        for (Trajectory t : gone) {
            space.rows.remove(t.trajectoryId());
            record(space, Change.Kind.DELETE, t);
        }
        return gone.size();
    }

    @Override
    public Flux<Trajectory> streamAll(String namespace) {
        return Flux.defer(() -> {
            List<Trajectory> all = matching(namespace, TrajectoryFilter.ALL);
            all.sort(TrajectoryOrdering.of(TrajectoryQuery.Order.OLDEST_FIRST));
            return Flux.fromIterable(all);
        });
    }

    @Override
    public Flux<Change> changesSince(String namespace, long afterSequence, int limit) {
        return Flux.defer(() -> {
            synchronized (this) {
                return Flux.fromIterable(space(namespace).changes.tailMap(afterSequence, false).values().stream()
                        .limit(limit).collect(Collectors.toList()));
            }
        });
    }

    @Override
    public Flux<Change> insertsOfAgentSince(String namespace, String agentId, long afterSequence, int limit) {
        return Flux.defer(() -> {
            synchronized (this) {
                return Flux.fromIterable(space(namespace).changes.tailMap(afterSequence, false).values().stream()
                        .filter(c -> c.kind() == Change.Kind.INSERT && c.item().agentId().equals(agentId))
                        .limit(limit).collect(Collectors.toList()));
            }
        });
    }

    @Override
    public Mono<Long> lastSequence(String namespace) {
        return Mono.fromCallable(() -> {
            synchronized (this) {
                return space(namespace).sequence;
            }
        });
    }

    @Override
    public Flux<String> namespaces() {
        return Flux.defer(() -> {
            synchronized (this) {
                return Flux.fromIterable(spaces.entrySet().stream().filter(e -> !e.getValue().rows.isEmpty())
                        .map(Map.Entry::getKey).collect(Collectors.toList()));
            }
        });
    }
}
