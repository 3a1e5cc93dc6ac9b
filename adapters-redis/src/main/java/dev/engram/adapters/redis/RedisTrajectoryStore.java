package dev.engram.adapters.redis;

import static dev.engram.adapters.redis.LuaScript.arg;

import dev.engram.application.port.out.Change;
import dev.engram.application.port.out.TrajectoryStore;
import dev.engram.application.port.out.UpsertOutcome;
import dev.engram.application.query.TrajectoryFilter;
import dev.engram.application.query.TrajectoryPage;
import dev.engram.application.query.TrajectoryQuery;
import dev.engram.domain.error.DomainException;
import dev.engram.domain.stats.TimeBucket;
import dev.engram.domain.stats.TrajectoryStatistics;
import dev.engram.domain.trajectory.Trajectory;
import io.lettuce.core.Range;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Trajectories, their indexes and the change feed of each namespace in Redis, under one hash tag per namespace
 * ({@link RedisKeys}) so that every script stays in one slot of a cluster. Writes are Lua scripts: the conflict
 * check and the write happen atomically, and a change sequence is taken in the same step, so sequences become
 * visible in order. Reads are single commands (a batch of ids is one {@code HMGET}); filtered queries walk the
 * smallest matching index in a script, a bounded number of entries per call ({@link StoredForm} has the layout).
 */
final class RedisTrajectoryStore implements TrajectoryStore, AutoCloseable {
    static final int SCAN_BUDGET = 20_000;
    private static final int FETCH_CHUNK = 500;
    private static final int WRITE_CHUNK_ITEMS = 1_000;
    private static final long WRITE_CHUNK_BYTES = 8L << 20;
    private static final long INSERTED_NONE = 0;
    private static final long CONFLICT = -2;
    private static final long NOT_STORED = -3;

    private static final LuaScript UPSERT = LuaScript.load("trajectory-common.lua", "trajectory-upsert.lua");
    private static final LuaScript DELETE = LuaScript.load("trajectory-common.lua", "trajectory-delete.lua");
    private static final LuaScript LOSSES = LuaScript.load("trajectory-common.lua", "trajectory-losses.lua");
    private static final LuaScript REPLAYS = LuaScript.load("trajectory-common.lua", "trajectory-replays.lua");
    private static final LuaScript SCAN = LuaScript.load("trajectory-common.lua", "trajectory-scan.lua");

    private final RedisBackend backend;
    private final java.time.Clock clock;
    private final int scanBudget;
    private final Map<String, Instant> lastRetention = new ConcurrentHashMap<>();

    RedisTrajectoryStore(RedisBackend backend) {
        this(backend, java.time.Clock.systemUTC(), SCAN_BUDGET);
    }

    /** @param scanBudget how many index entries one script call examines at most (tests make it small) */
    RedisTrajectoryStore(RedisBackend backend, java.time.Clock clock, int scanBudget) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (scanBudget < 1) {
            throw new IllegalArgumentException("scanBudget must be positive, got " + scanBudget);
        }
        this.scanBudget = scanBudget;
    }

    private RedisClusterReactiveCommands<String, byte[]> redis() {
        return backend.commands();
    }

    private RedisKeys.Scope scope(String namespace) {
        return backend.keys().namespace(namespace);
    }

    private String namespacesKey() {
        return backend.keys().namespaces();
    }

    private List<byte[]> baseArgs(String namespace) {
        List<byte[]> args = new ArrayList<>();
        args.add(arg(scope(namespace).base()));
        return args;
    }

    private List<String> routing(String namespace) {
        return List.of(scope(namespace).key("seq"));
    }

    // ---- writes ------------------------------------------------------------------------------------------------

    @Override
    public Mono<List<UpsertOutcome>> upsert(String namespace, List<Trajectory> batch, boolean atomic) {
        if (batch.isEmpty()) {
            return Mono.just(List.of());
        }
        List<List<Trajectory>> chunks = atomic ? List.of(batch) : chunks(batch);
        // the namespace is listed before anything is stored in it, so a namespace with data is always listed
        Mono<Long> listed = redis().sadd(namespacesKey(), arg(namespace));
        Mono<List<UpsertOutcome>> stored = Flux.fromIterable(chunks)
                .concatMap(chunk -> upsertChunk(namespace, chunk, atomic))
                .collectList()
                .map(parts -> parts.stream().flatMap(List::stream).collect(Collectors.toList()));
        return backend.guard(listed.then(stored), "storing trajectories").flatMap(outcomes -> applyRetention(namespace).thenReturn(outcomes));
    }

    private static List<List<Trajectory>> chunks(List<Trajectory> batch) {
        List<List<Trajectory>> chunks = new ArrayList<>();
        List<Trajectory> current = new ArrayList<>();
        long bytes = 0;
        for (Trajectory t : batch) {
            long size = 2_048L + t.steps().size() * 256L; // an estimate; the chunk only bounds one script's size
            if (!current.isEmpty() && (current.size() >= WRITE_CHUNK_ITEMS || bytes + size > WRITE_CHUNK_BYTES)) {
                chunks.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(t);
            bytes += size;
        }
        chunks.add(current);
        return chunks;
    }

    private Mono<List<UpsertOutcome>> upsertChunk(String namespace, List<Trajectory> chunk, boolean atomic) {
        return Mono.fromCallable(() -> {
            List<byte[]> args = baseArgs(namespace);
            args.add(arg(atomic ? "1" : "0"));
            for (Trajectory t : chunk) {
                args.add(arg(t.trajectoryId()));
                args.add(arg(StoredForm.meta(t, t.contentHash())));
                args.add(StoredForm.body(t, false));
                args.add(arg(StoredForm.loss(t.loss())));
            }
            return args;
        }).flatMap(args -> UPSERT.<List<Object>>run(redis(), ScriptOutputType.MULTI, routing(namespace), args).next())
                .map(reply -> {
                    List<UpsertOutcome> out = new ArrayList<>(chunk.size());
                    for (int i = 0; i < chunk.size(); i++) {
                        String id = chunk.get(i).trajectoryId();
                        long code = (Long) reply.get(i);
                        out.add(code > 0 ? UpsertOutcome.inserted(id, code)
                                : code == INSERTED_NONE ? UpsertOutcome.unchanged(id)
                                : code == CONFLICT ? UpsertOutcome.conflict(id)
                                : UpsertOutcome.notStored(id));
                    }
                    return out;
                });
    }

    /** With {@code redis.retention} set, drops what is older, at most once a minute per namespace. */
    private Mono<Long> applyRetention(String namespace) {
        if (backend.config().retention() == null) {
            return Mono.just(0L);
        }
        Instant now = clock.instant();
        Instant previous = lastRetention.get(namespace);
        if (previous != null && previous.isAfter(now.minusSeconds(60))) {
            return Mono.just(0L);
        }
        lastRetention.put(namespace, now);
        return deleteOlderThan(namespace, now.minus(backend.config().retention()));
    }

    @Override
    public Mono<Set<String>> updateLosses(String namespace, Map<String, Double> losses) {
        if (losses.isEmpty()) {
            return Mono.just(Set.of());
        }
        List<byte[]> args = baseArgs(namespace);
        losses.forEach((id, loss) -> {
            args.add(arg(id));
            args.add(arg(StoredForm.loss(Objects.requireNonNull(loss, "loss"))));
        });
        return backend.guard(LOSSES.<List<Object>>run(redis(), ScriptOutputType.MULTI, routing(namespace), args).next(), "updating losses")
                .map(reply -> reply.stream().map(StoredForm::text).collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    @Override
    public Mono<Void> addReplays(String namespace, Map<String, Long> replays) {
        if (replays.isEmpty()) {
            return Mono.empty();
        }
        List<byte[]> args = baseArgs(namespace);
        args.add(arg("add"));
        replays.forEach((id, n) -> {
            args.add(arg(id));
            args.add(arg(n));
        });
        return backend.guard(REPLAYS.<Long>run(redis(), ScriptOutputType.INTEGER, routing(namespace), args).then(), "counting replays");
    }

    @Override
    public Mono<Boolean> delete(String namespace, String trajectoryId) {
        return deleteIds(namespace, List.of(trajectoryId)).map(n -> n > 0);
    }

    private Mono<Long> deleteIds(String namespace, List<String> ids) {
        if (ids.isEmpty()) {
            return Mono.just(0L);
        }
        List<byte[]> args = baseArgs(namespace);
        ids.forEach(id -> args.add(arg(id)));
        return backend.guard(DELETE.<Long>run(redis(), ScriptOutputType.INTEGER, routing(namespace), args).next(), "deleting trajectories");
    }

    @Override
    public Mono<Long> deleteOlderThan(String namespace, Instant cutoff) {
        return deleteWalking(namespace, scope(namespace).key("x:t"), Range.Boundary.excluding(arg(StoredForm.timeCode(cutoff))));
    }

    @Override
    public Mono<Long> deleteAgent(String namespace, String agentId) {
        return deleteWalking(namespace, scope(namespace).key("x:t:a", agentId), Range.Boundary.unbounded());
    }

    /** Deletes the trajectories of an index (oldest first) up to a bound, a chunk per script, until none is left. */
    private Mono<Long> deleteWalking(String namespace, String index, Range.Boundary<byte[]> upper) {
        Range<byte[]> range = Range.from(Range.Boundary.unbounded(), upper);
        Mono<Long> oneChunk = backend.guard(redis().zrangebylex(index, range, io.lettuce.core.Limit.create(0, FETCH_CHUNK)).collectList(), "listing trajectories")
                .flatMap(members -> members.isEmpty() ? Mono.just(-1L)
                        : deleteIds(namespace, members.stream().map(m -> idOf("t", m)).collect(Collectors.toList())));
        return oneChunk.expand(n -> n < 0 ? Mono.empty() : oneChunk)
                .filter(n -> n >= 0)
                .reduce(0L, Long::sum);
    }

    // ---- reads -------------------------------------------------------------------------------------------------

    @Override
    public Mono<Trajectory> get(String namespace, String trajectoryId) {
        return getAll(namespace, List.of(trajectoryId)).next();
    }

    @Override
    public Flux<Trajectory> getAll(String namespace, List<String> trajectoryIds) {
        if (trajectoryIds.isEmpty()) {
            return Flux.empty();
        }
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < trajectoryIds.size(); i += FETCH_CHUNK) {
            chunks.add(trajectoryIds.subList(i, Math.min(trajectoryIds.size(), i + FETCH_CHUNK)));
        }
        return Flux.fromIterable(chunks).concatMap(chunk -> fetch(namespace, chunk));
    }

    /** The bodies and losses of some ids: two commands, sent together. */
    private Flux<Trajectory> fetch(String namespace, List<String> ids) {
        String[] fields = ids.toArray(String[]::new);
        RedisKeys.Scope scope = scope(namespace);
        Mono<List<io.lettuce.core.KeyValue<String, byte[]>>> bodies = redis().hmget(scope.key("body"), fields).collectList();
        Mono<List<io.lettuce.core.KeyValue<String, byte[]>>> losses = redis().hmget(scope.key("loss"), fields).collectList();
        return backend.guard(Mono.zip(bodies, losses), "reading trajectories").flatMapMany(both -> {
            List<Trajectory> found = new ArrayList<>(ids.size());
            for (int i = 0; i < ids.size(); i++) {
                io.lettuce.core.KeyValue<String, byte[]> body = both.getT1().get(i);
                if (body.hasValue()) {
                    io.lettuce.core.KeyValue<String, byte[]> loss = both.getT2().get(i);
                    found.add(StoredForm.read(body.getValue(), loss.hasValue() ? StoredForm.parseLoss(loss.getValue()) : null,
                            "namespace " + namespace + ", id " + ids.get(i)));
                }
            }
            return Flux.fromIterable(found);
        });
    }

    @Override
    public Mono<TrajectoryPage> query(String namespace, TrajectoryQuery query) {
        Walk walk = Walk.of(query.order(), query.filter(), query.cursor());
        return scanAll(namespace, walk, query.limit() + 1, "member").collectList().flatMap(members -> {
            boolean more = members.size() > query.limit();
            List<String> page = more ? members.subList(0, query.limit()) : members;
            String next = more ? walk.cursor(page.get(page.size() - 1)) : null;
            List<String> ids = page.stream().map(m -> idOf(walk.family, m)).collect(Collectors.toList());
            return getAll(namespace, ids).collectList().map(items -> new TrajectoryPage(items, next));
        });
    }

    @Override
    public Mono<Long> count(String namespace, TrajectoryFilter filter) {
        Walk walk = Walk.of(TrajectoryQuery.Order.OLDEST_FIRST, filter, null);
        return scan(namespace, walk, Long.MAX_VALUE, "count")
                .map(Batch::matched)
                .reduce(0L, Long::sum);
    }

    @Override
    public Mono<TrajectoryStatistics> statistics(String namespace, TrajectoryFilter filter, TimeBucket bucket) {
        Walk walk = Walk.of(TrajectoryQuery.Order.OLDEST_FIRST, filter, null);
        return scanAll(namespace, walk, Long.MAX_VALUE, "meta")
                .reduce(TrajectoryStatistics.accumulator(bucket), (acc, text) -> {
                    StoredForm.Meta m = StoredForm.Meta.parse(text);
                    return acc.add(m.agentId(), m.taskId(), m.domain(), m.outcome(), m.reward(), m.createdAt());
                })
                .map(TrajectoryStatistics.Accumulator::result);
    }

    @Override
    public Flux<Trajectory> streamAll(String namespace) {
        Walk walk = Walk.of(TrajectoryQuery.Order.OLDEST_FIRST, TrajectoryFilter.ALL, null);
        return scanAll(namespace, walk, Long.MAX_VALUE, "member")
                .map(m -> idOf("t", m))
                .buffer(FETCH_CHUNK)
                .concatMap(ids -> fetch(namespace, ids));
    }

    /** One script call's answer: where to go on ({@code null}: done), how many matched, and what it returned. */
    private record Batch(String resume, long matched, List<String> items) {
    }

    /** The items of a walk, up to {@code limit} matches, in order, calling the scan script as often as needed. */
    private Flux<String> scanAll(String namespace, Walk walk, long limit, String mode) {
        return scan(namespace, walk, limit, mode).concatMapIterable(Batch::items);
    }

    private Flux<Batch> scan(String namespace, Walk walk, long limit, String mode) {
        return Flux.defer(() -> scanFrom(namespace, walk, limit, mode));
    }

    private Flux<Batch> scanFrom(String namespace, Walk walk, long limit, String mode) {
        long[] remaining = {limit}; // one per subscription (scan defers)
        Function<String, Mono<Batch>> call = from -> {
            List<byte[]> args = baseArgs(namespace);
            args.add(arg(walk.family));
            args.add(arg(walk.reverse ? "r" : "f"));
            args.add(arg(from));
            args.add(arg(walk.to));
            TrajectoryFilter f = walk.filter;
            args.add(arg(f.agentId() == null ? "" : f.agentId()));
            args.add(arg(f.taskId() == null ? "" : f.taskId()));
            args.add(arg(f.domain() == null ? "" : f.domain()));
            args.add(arg(f.outcome() == null ? "" : f.outcome().wireName()));
            args.add(arg(f.since() == null ? "" : StoredForm.timeCode(f.since())));
            args.add(arg(f.until() == null ? "" : StoredForm.timeCode(f.until())));
            args.add(arg(Math.min(remaining[0], mode.equals("count") ? Long.MAX_VALUE / 2 : 1_000)));
            args.add(arg(scanBudget));
            args.add(arg(mode));
            return backend.guard(SCAN.<List<Object>>run(redis(), ScriptOutputType.MULTI, routing(namespace), args).next(), "querying trajectories")
                    .map(reply -> {
                        String resume = StoredForm.text(reply.get(0));
                        long matched = (Long) reply.get(1);
                        List<String> items = new ArrayList<>(reply.size() - 2);
                        for (int i = 2; i < reply.size(); i++) {
                            items.add(StoredForm.text(reply.get(i)));
                        }
                        remaining[0] -= matched;
                        return new Batch(resume.isEmpty() ? null : resume, matched, items);
                    });
        };
        return Mono.defer(() -> call.apply(walk.from))
                .expand(batch -> batch.resume() == null || remaining[0] <= 0 ? Mono.empty() : call.apply("(" + batch.resume()));
    }

    /** The id at the end of an index member of a family. */
    static String idOf(String family, String member) {
        return member.substring(family.equals("t") ? StoredForm.TIME_CODE : StoredForm.REWARD_CODE + StoredForm.TIME_CODE);
    }

    private static String idOf(String family, byte[] member) {
        return idOf(family, new String(member, StandardCharsets.UTF_8));
    }

    /** Which index family a query walks, in which direction, between which bounds. */
    private static final class Walk {
        final char order;
        final String family;
        final boolean reverse;
        final String from;
        final String to;
        final TrajectoryFilter filter;

        private Walk(char order, String family, boolean reverse, String from, String to, TrajectoryFilter filter) {
            this.order = order;
            this.family = family;
            this.reverse = reverse;
            this.from = from;
            this.to = to;
            this.filter = filter;
        }

        static Walk of(TrajectoryQuery.Order order, TrajectoryFilter filter, String cursor) {
            String after = cursor == null ? null : decode(order, cursor);
            String since = filter.since() == null ? null : "[" + StoredForm.timeCode(filter.since());
            String until = filter.until() == null ? null : "(" + StoredForm.timeCode(filter.until());
            return switch (order) {
                case OLDEST_FIRST -> new Walk('o', "t", false, after != null ? "(" + after : since != null ? since : "-", until != null ? until : "+", filter);
                case NEWEST_FIRST -> new Walk('n', "t", true, after != null ? "(" + after : until != null ? until : "+", since != null ? since : "-", filter);
                case REWARD_DESC -> new Walk('d', "rd", true, after != null ? "(" + after : "+", "-", filter);
                case REWARD_ASC -> new Walk('a', "ra", true, after != null ? "(" + after : "+", "-", filter);
            };
        }

        String cursor(String lastMember) {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((order + lastMember).getBytes(StandardCharsets.UTF_8));
        }

        private static String decode(TrajectoryQuery.Order order, String cursor) {
            String raw;
            try {
                raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw DomainException.invalidArgument("cursor", "is not a cursor this store made");
            }
            char expected = switch (order) {
                case OLDEST_FIRST -> 'o';
                case NEWEST_FIRST -> 'n';
                case REWARD_DESC -> 'd';
                case REWARD_ASC -> 'a';
            };
            int codes = expected == 'o' || expected == 'n' ? StoredForm.TIME_CODE : StoredForm.REWARD_CODE + StoredForm.TIME_CODE;
            if (raw.length() <= codes + 1 || raw.charAt(0) != expected) {
                throw DomainException.invalidArgument("cursor", "is not a cursor of this order made by this store");
            }
            return raw.substring(1);
        }
    }

    @Override
    public Mono<Map<String, Long>> replayCounts(String namespace, Collection<String> trajectoryIds) {
        if (trajectoryIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        List<String> ids = List.copyOf(trajectoryIds);
        List<byte[]> args = baseArgs(namespace);
        args.add(arg("get"));
        ids.forEach(id -> args.add(arg(id)));
        return backend.guard(REPLAYS.<List<Object>>run(redis(), ScriptOutputType.MULTI, routing(namespace), args).next(), "reading replay counts")
                .map(reply -> {
                    Map<String, Long> out = new LinkedHashMap<>();
                    for (int i = 0; i < ids.size(); i++) {
                        long n = (Long) reply.get(i);
                        if (n >= 0) {
                            out.put(ids.get(i), n);
                        }
                    }
                    return out;
                });
    }

    @Override
    public Mono<Long> totalReplays(String namespace) {
        return backend.guard(redis().get(scope(namespace).key("replays_total")), "reading replay counts")
                .map(StoredForm::text).map(Long::parseLong).defaultIfEmpty(0L);
    }

    @Override
    public Flux<Change> changesSince(String namespace, long afterSequence, int limit) {
        return changes(scope(namespace).key("changes"), afterSequence, limit);
    }

    @Override
    public Flux<Change> insertsOfAgentSince(String namespace, String agentId, long afterSequence, int limit) {
        return changes(scope(namespace).key("ins", agentId), afterSequence, limit);
    }

    private Flux<Change> changes(String key, long afterSequence, int limit) {
        if (limit <= 0) {
            return Flux.empty();
        }
        Range<Long> range = Range.from(Range.Boundary.excluding(afterSequence), Range.Boundary.unbounded());
        return backend.guard(redis().zrangebyscore(key, range, io.lettuce.core.Limit.create(0, limit)), "reading the change feed")
                .map(entry -> StoredForm.change(new String(entry, StandardCharsets.UTF_8)));
    }

    @Override
    public Mono<Long> lastSequence(String namespace) {
        return backend.guard(redis().get(scope(namespace).key("seq")), "reading the change feed")
                .map(StoredForm::text).map(Long::parseLong).defaultIfEmpty(0L);
    }

    @Override
    public Flux<String> namespaces() {
        return backend.guard(redis().smembers(namespacesKey()), "listing namespaces")
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .collect(Collectors.toCollection(TreeSet::new))
                .flatMapMany(Flux::fromIterable)
                .concatMap(ns -> backend.guard(redis().zcard(scope(ns).key("x:t")), "listing namespaces").filter(n -> n > 0).map(n -> ns));
    }

    @Override
    public void close() {
        backend.close();
    }
}
