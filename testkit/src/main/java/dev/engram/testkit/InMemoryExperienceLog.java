package dev.engram.testkit;

import dev.engram.application.port.out.ExperienceLog;
import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import dev.engram.domain.trajectory.Trajectory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An {@link ExperienceLog} in memory, for application tests; it passes the same contract suite as the Redis log.
 * One ordered log; consumer groups with their pending entries (by consumer, with the time of delivery); the
 * accepted content hash of every (namespace, id). {@link #available(boolean)} makes every call fail with
 * "backend unavailable" as a server that went away would; {@link #appendForeign(Map)} adds an entry that cannot be
 * decoded.
 */
public final class InMemoryExperienceLog implements ExperienceLog {
    private record Stored(long seq, String namespace, Trajectory trajectory, Map<String, String> raw) {
    }

    private static final class Pending {
        String consumer;
        long deliveredAt;

        Pending(String consumer, long deliveredAt) {
            this.consumer = consumer;
            this.deliveredAt = deliveredAt;
        }
    }

    private static final class Group {
        long lastDelivered;
        final TreeMap<Long, Pending> pending = new TreeMap<>();
    }

    private final TreeMap<Long, Stored> entries = new TreeMap<>();
    private final Map<String, String> hashes = new HashMap<>();
    private final Map<String, Group> groups = new HashMap<>();
    private final List<DeadLetter> dead = new ArrayList<>();
    private long nextSeq = 1;
    private volatile boolean available = true;

    /** Makes the log reachable or not: while not, every call fails with backend_unavailable. */
    public void available(boolean reachable) {
        this.available = reachable;
    }

    /** Adds an entry written by something else (undecodable); returns its entry id. */
    public synchronized String appendForeign(Map<String, String> fields) {
        long seq = nextSeq++;
        entries.put(seq, new Stored(seq, null, null, Map.copyOf(fields)));
        return id(seq);
    }

    /** How many entries the log holds (appended and not trimmed). */
    public synchronized int size() {
        return entries.size();
    }

    private static String id(long seq) {
        return String.format("%016d", seq);
    }

    private static long seq(String entryId) {
        try {
            return Long.parseLong(entryId);
        } catch (NumberFormatException e) {
            throw DomainException.invalidArgument("entry_id", "is not an entry id of this log: '" + entryId + "'");
        }
    }

    private <T> Mono<T> call(java.util.function.Supplier<T> body) {
        return Mono.defer(() -> {
            if (!available) {
                return Mono.error(new DomainException(ErrorCode.BACKEND_UNAVAILABLE, "the in-memory experience log is unavailable"));
            }
            synchronized (this) {
                return Mono.justOrEmpty(body.get());
            }
        });
    }

    private static String key(String namespace, String id) {
        return namespace + "\u0000" + id;
    }

    @Override
    public Mono<Map<String, String>> knownHashes(String namespace, Collection<String> trajectoryIds) {
        return call(() -> {
            Map<String, String> out = new LinkedHashMap<>();
            for (String id : trajectoryIds) {
                String hash = hashes.get(key(namespace, id));
                if (hash != null) {
                    out.put(id, hash);
                }
            }
            return out;
        });
    }

    @Override
    public Mono<List<AppendStatus>> append(String namespace, List<Trajectory> batch, boolean atomic) {
        return call(() -> {
            List<AppendStatus> out = new ArrayList<>(batch.size());
            boolean conflict = false;
            for (Trajectory t : batch) {
                String known = hashes.get(key(namespace, t.trajectoryId()));
                AppendStatus s = known == null ? AppendStatus.APPENDED
                        : known.equals(t.contentHash()) ? AppendStatus.REPEATED : AppendStatus.CONFLICT;
                conflict |= s == AppendStatus.CONFLICT;
                out.add(s);
            }
            if (conflict && atomic) {
                out.replaceAll(s -> s == AppendStatus.CONFLICT ? s : AppendStatus.NOT_APPENDED);
                return out;
            }
            for (int i = 0; i < batch.size(); i++) {
                if (out.get(i) != AppendStatus.CONFLICT) {
                    Trajectory t = batch.get(i);
                    hashes.put(key(namespace, t.trajectoryId()), t.contentHash());
                    long seq = nextSeq++;
                    entries.put(seq, new Stored(seq, namespace, t, Map.of()));
                }
            }
            return out;
        });
    }

    private Group group(String name) {
        return groups.computeIfAbsent(name, k -> new Group());
    }

    private Delivery deliver(List<Stored> items) {
        List<Entry> ok = new ArrayList<>();
        List<Undecodable> bad = new ArrayList<>();
        for (Stored s : items) {
            if (s.trajectory() == null) {
                bad.add(new Undecodable(id(s.seq()), "the entry has no trajectory this version can read: fields " + s.raw().keySet()));
            } else {
                ok.add(new Entry(id(s.seq()), s.namespace(), s.trajectory()));
            }
        }
        return new Delivery(ok, bad);
    }

    @Override
    public Mono<Delivery> read(String group, String consumer, int count, Duration block) {
        Mono<Delivery> once = call(() -> {
            Group g = group(group);
            List<Stored> out = new ArrayList<>();
            for (Stored s : entries.tailMap(g.lastDelivered, false).values()) {
                if (out.size() >= count) {
                    break;
                }
                out.add(s);
                g.lastDelivered = s.seq();
                g.pending.put(s.seq(), new Pending(consumer, System.nanoTime()));
            }
            return deliver(out);
        });
        long deadline = System.nanoTime() + block.toNanos();
        return once.flatMap(d -> d.isEmpty() && System.nanoTime() < deadline
                ? Mono.delay(Duration.ofMillis(5)).then(read(group, consumer, count, Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))))
                : Mono.just(d));
    }

    @Override
    public Mono<Delivery> ownPending(String group, String consumer, int count) {
        return call(() -> {
            List<Stored> out = new ArrayList<>();
            for (Map.Entry<Long, Pending> p : group(group).pending.entrySet()) {
                if (out.size() >= count) {
                    break;
                }
                Stored s = entries.get(p.getKey());
                if (p.getValue().consumer.equals(consumer) && s != null) {
                    out.add(s);
                }
            }
            return deliver(out);
        });
    }

    @Override
    public Mono<Delivery> claimIdle(String group, String consumer, Duration minIdle, int count) {
        return call(() -> {
            long now = System.nanoTime();
            List<Stored> out = new ArrayList<>();
            for (Map.Entry<Long, Pending> p : group(group).pending.entrySet()) {
                if (out.size() >= count) {
                    break;
                }
                Stored s = entries.get(p.getKey());
                if (s != null && now - p.getValue().deliveredAt >= minIdle.toNanos()) {
                    p.getValue().consumer = consumer;
                    p.getValue().deliveredAt = now;
                    out.add(s);
                }
            }
            return deliver(out);
        });
    }

    @Override
    public Mono<Long> acknowledge(String group, Collection<String> entryIds) {
        return call(() -> {
            Group g = group(group);
            long n = 0;
            for (String id : entryIds) {
                if (g.pending.remove(seq(id)) != null) {
                    n++;
                }
            }
            return n;
        });
    }

    @Override
    public Mono<Void> deadLetter(String group, Map<String, String> reasonsByEntryId) {
        return call(() -> {
            Group g = group(group);
            reasonsByEntryId.forEach((id, reason) -> {
                Stored s = entries.get(seq(id));
                Map<String, String> fields = new LinkedHashMap<>();
                if (s != null && s.trajectory() != null) {
                    fields.put("ns", s.namespace());
                    fields.put("id", s.trajectory().trajectoryId());
                } else if (s != null) {
                    fields.putAll(s.raw());
                }
                dead.add(new DeadLetter(id, reason, fields));
                g.pending.remove(seq(id));
            });
            return null;
        }).then();
    }

    @Override
    public Flux<DeadLetter> deadLetters(int limit) {
        return call(() -> List.copyOf(dead.subList(0, Math.min(limit, dead.size())))).flatMapIterable(l -> l);
    }

    @Override
    public Mono<Backlog> backlog(String group) {
        return call(() -> {
            Group g = groups.get(group);
            if (g == null) {
                return new Backlog(entries.size(), 0);
            }
            return new Backlog(entries.tailMap(g.lastDelivered, false).size(), g.pending.size());
        });
    }

    @Override
    public Flux<Entry> tail(String namespace, String afterEntryId) {
        return Mono.defer(() -> call(() -> afterEntryId == null ? (entries.isEmpty() ? 0L : entries.lastKey()) : seq(afterEntryId)))
                .flatMapMany(start -> {
                    long[] last = {start};
                    return Flux.interval(Duration.ZERO, Duration.ofMillis(10))
                            .concatMap(tick -> call(() -> {
                                List<Entry> out = new ArrayList<>();
                                for (Stored s : entries.tailMap(last[0], false).values()) {
                                    last[0] = s.seq();
                                    if (namespace.equals(s.namespace())) {
                                        out.add(new Entry(id(s.seq()), s.namespace(), s.trajectory()));
                                    }
                                }
                                return out;
                            }))
                            .concatMapIterable(l -> l);
                });
    }

    @Override
    public void close() {
        // nothing to release
    }
}
