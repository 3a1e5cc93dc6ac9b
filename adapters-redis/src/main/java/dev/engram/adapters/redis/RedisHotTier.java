package dev.engram.adapters.redis;

import static dev.engram.adapters.redis.LuaScript.arg;

import dev.engram.application.port.out.HotTier;
import dev.engram.domain.trajectory.Trajectory;
import io.lettuce.core.KeyValue;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The hot tier in Redis, after seed 002: a short-term level ({@code st}: plain JSON, 24 h, 1000 per agent) and an
 * intermediate one ({@code it}: deflated, 7 days, 10000 per agent), told apart by key prefix. Every put goes into
 * both; a read tries the short-term level first. Copies by id live under the namespace's tag
 * ({@code prefix:st:{prefix:ns}:b:<id>}, each with its own TTL); each agent's timelines by time and by reward live
 * under the agent's tag ({@code prefix:st:{prefix:ns:agent}:t} and {@code :r}), capped per agent and expiring
 * with the agent's last write. A copy is {@code agent \n time code \n loss \n body}.
 */
final class RedisHotTier implements HotTier, AutoCloseable {
    private static final LuaScript PUT = LuaScript.load("hot-put.lua");
    private static final LuaScript TIMELINE = LuaScript.load("hot-timeline.lua");
    private static final LuaScript REMOVE = LuaScript.load("hot-remove.lua");
    private static final LuaScript CUT = LuaScript.load("hot-cut.lua");
    private static final int CHUNK = 500;

    /** One level of the tier. */
    private record Level(String name, Duration ttl, int cap, boolean deflate) {
    }

    private final RedisBackend backend;
    private final List<Level> levels;
    private final Duration tombstoneTtl;

    RedisHotTier(RedisBackend backend, RedisTierConfig config) {
        this.backend = Objects.requireNonNull(backend, "backend");
        List<Level> all = new ArrayList<>();
        all.add(new Level("st", config.shortTermTtl(), config.shortTermMax(), false));
        if (config.intermediate()) {
            all.add(new Level("it", config.intermediateTtl(), config.intermediateMax(), true));
        }
        this.levels = List.copyOf(all);
        this.tombstoneTtl = config.tombstoneTtl();
    }

    private RedisClusterReactiveCommands<String, byte[]> redis() {
        return backend.commands();
    }

    private RedisKeys.Scope ids(Level level, String namespace) {
        return backend.keys().tier(level.name(), namespace);
    }

    private RedisKeys.Scope agent(Level level, String namespace, String agentId) {
        return backend.keys().agent(level.name(), namespace, agentId);
    }

    private static String member(Trajectory t) {
        return StoredForm.timeCode(t.createdAt()) + t.trajectoryId();
    }

    private static String idOf(String member) {
        return member.substring(StoredForm.TIME_CODE);
    }

    // ---- writes ------------------------------------------------------------------------------------------------

    @Override
    public Mono<Void> put(String namespace, List<Trajectory> stored) {
        if (stored.isEmpty()) {
            return Mono.empty();
        }
        return backend.guard(Flux.fromIterable(levels).concatMap(level -> putInto(level, namespace, stored)).then(), "filling the hot tier");
    }

    private Mono<Void> putInto(Level level, String namespace, List<Trajectory> stored) {
        RedisKeys.Scope scope = ids(level, namespace);
        List<byte[]> args = new ArrayList<>();
        args.add(arg(scope.base()));
        args.add(arg(level.ttl().toMillis()));
        args.add(arg(tombstoneTtl.toMillis()));
        for (Trajectory t : stored) {
            args.add(arg(t.trajectoryId()));
            args.add(arg(t.agentId()));
            args.add(arg(StoredForm.timeCode(t.createdAt())));
            args.add(copy(t, level.deflate()));
        }
        return PUT.<List<Object>>run(redis(), ScriptOutputType.MULTI, List.of(scope.key("agents")), args).next().flatMap(taken -> {
            Map<String, List<Trajectory>> byAgent = new LinkedHashMap<>();
            for (int i = 0; i < stored.size(); i++) {
                if ((Long) taken.get(i) == 1) {
                    byAgent.computeIfAbsent(stored.get(i).agentId(), a -> new ArrayList<>()).add(stored.get(i));
                }
            }
            return Flux.fromIterable(byAgent.entrySet())
                    .flatMap(e -> timeline(level, namespace, e.getKey(), e.getValue()))
                    .then();
        });
    }

    /** Adds to an agent's timelines and deletes the copies the cap pushed out. */
    private Mono<Void> timeline(Level level, String namespace, String agentId, List<Trajectory> added) {
        RedisKeys.Scope scope = agent(level, namespace, agentId);
        List<byte[]> args = new ArrayList<>();
        args.add(arg(scope.base()));
        args.add(arg(level.cap()));
        args.add(arg(level.ttl().toMillis()));
        for (Trajectory t : added) {
            args.add(arg(member(t)));
            args.add(arg(Double.toString(t.reward())));
        }
        return TIMELINE.<List<Object>>run(redis(), ScriptOutputType.MULTI, List.of(scope.key("t")), args).next()
                .flatMap(dropped -> deleteCopies(level, namespace, dropped.stream().map(m -> idOf(StoredForm.text(m))).collect(Collectors.toList())));
    }

    private Mono<Void> deleteCopies(Level level, String namespace, List<String> trajectoryIds) {
        if (trajectoryIds.isEmpty()) {
            return Mono.empty();
        }
        RedisKeys.Scope scope = ids(level, namespace);
        return Flux.fromIterable(chunks(trajectoryIds))
                .concatMap(chunk -> redis().del(chunk.stream().map(id -> scope.key("b", id)).toArray(String[]::new)))
                .then();
    }

    private static byte[] copy(Trajectory t, boolean deflate) {
        byte[] header = (t.agentId() + "\n" + StoredForm.timeCode(t.createdAt()) + "\n" + StoredForm.loss(t.loss()) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] body = StoredForm.body(t, deflate);
        byte[] value = new byte[header.length + body.length];
        System.arraycopy(header, 0, value, 0, header.length);
        System.arraycopy(body, 0, value, header.length, body.length);
        return value;
    }

    private static Trajectory read(byte[] value, String where) {
        int first = indexOf(value, 0);
        int second = indexOf(value, first + 1);
        int third = indexOf(value, second + 1);
        if (first < 0 || second < 0 || third < 0) {
            throw new IllegalStateException("redis holds a hot-tier copy in a form this version cannot read (" + where + ")");
        }
        String loss = new String(value, second + 1, third - second - 1, StandardCharsets.US_ASCII);
        byte[] body = java.util.Arrays.copyOfRange(value, third + 1, value.length);
        return StoredForm.read(body, loss.isEmpty() ? null : Double.valueOf(loss), where);
    }

    private static int indexOf(byte[] value, int from) {
        for (int i = from; i < value.length; i++) {
            if (value[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    // ---- reads -------------------------------------------------------------------------------------------------

    @Override
    public Flux<Trajectory> getAll(String namespace, List<String> trajectoryIds) {
        if (trajectoryIds.isEmpty()) {
            return Flux.empty();
        }
        return backend.guard(Flux.fromIterable(chunks(trajectoryIds)).concatMap(chunk -> held(namespace, chunk)
                .flatMapMany(found -> Flux.fromIterable(chunk).filter(found::containsKey).map(found::get))), "reading the hot tier");
    }

    /** The copies held of some ids: one MGET per level, the faster level first, only for what is still missing. */
    private Mono<Map<String, Trajectory>> held(String namespace, List<String> trajectoryIds) {
        Map<String, Trajectory> found = new HashMap<>();
        return Flux.fromIterable(levels).concatMap(level -> {
            List<String> missing = trajectoryIds.stream().filter(id -> !found.containsKey(id)).collect(Collectors.toList());
            if (missing.isEmpty()) {
                return Mono.empty();
            }
            RedisKeys.Scope scope = ids(level, namespace);
            return redis().mget(missing.stream().map(id -> scope.key("b", id)).toArray(String[]::new)).collectList().doOnNext(values -> {
                for (int i = 0; i < missing.size(); i++) {
                    KeyValue<String, byte[]> v = values.get(i);
                    if (v.hasValue()) {
                        found.put(missing.get(i), read(v.getValue(), "hot tier " + level.name() + ", namespace " + namespace + ", id " + missing.get(i)));
                    }
                }
            });
        }).then(Mono.fromSupplier(() -> found));
    }

    @Override
    public Flux<Trajectory> recent(String namespace, String agentId, int limit) {
        if (limit < 1) {
            return Flux.empty();
        }
        // both levels asked at once (one round trip on the shared, pipelining connection)
        Flux<Ranked> members = Flux.fromIterable(levels).flatMap(level -> redis()
                .zrevrangebylex(agent(level, namespace, agentId).key("t"), Range.unbounded(), Limit.create(0, limit))
                .map(m -> new Ranked(new String(m, StandardCharsets.UTF_8), 0)));
        return ranked(namespace, agentId, members, limit, "reading the hot tier's recent trajectories");
    }

    @Override
    public Flux<Trajectory> best(String namespace, String agentId, int limit) {
        if (limit < 1) {
            return Flux.empty();
        }
        Flux<Ranked> members = Flux.fromIterable(levels).flatMap(level -> redis()
                .zrevrangebyscoreWithScores(agent(level, namespace, agentId).key("r"), Range.unbounded(), Limit.create(0, limit))
                .map((ScoredValue<byte[]> v) -> new Ranked(new String(v.getValue(), StandardCharsets.UTF_8), v.getScore())));
        return ranked(namespace, agentId, members, limit, "reading the hot tier's best trajectories");
    }

    /** A timeline member with its score (0 for the time index, whose members order by themselves). */
    private record Ranked(String member, double score) {
        static final Comparator<Ranked> DESCENDING = Comparator.comparingDouble(Ranked::score).thenComparing(Ranked::member).reversed();
    }

    /** The members of every level merged (highest first, each id once), their copies fetched; stale members tidied. */
    private Flux<Trajectory> ranked(String namespace, String agentId, Flux<Ranked> members, int limit, String what) {
        return backend.guard(members.collectList().flatMapMany(all -> {
            TreeSet<Ranked> ordered = new TreeSet<>(Ranked.DESCENDING);
            Set<String> seen = new java.util.HashSet<>();
            all.stream().sorted(Ranked.DESCENDING).filter(r -> seen.add(r.member())).forEach(ordered::add);
            List<String> chosen = ordered.stream().limit(limit).map(Ranked::member).collect(Collectors.toList());
            List<String> ids = chosen.stream().map(RedisHotTier::idOf).collect(Collectors.toList());
            return held(namespace, ids).flatMapMany(found -> {
                List<String> stale = chosen.stream().filter(m -> !found.containsKey(idOf(m))).collect(Collectors.toList());
                Mono<Void> tidy = stale.isEmpty() ? Mono.empty() : dropMembers(namespace, agentId, stale);
                return tidy.thenMany(Flux.fromIterable(ids).filter(found::containsKey).map(found::get));
            });
        }), what);
    }

    /** Drops timeline members from every level (their copies are gone from all of them). */
    private Mono<Void> dropMembers(String namespace, String agentId, List<String> members) {
        return Flux.fromIterable(levels).concatMap(level -> dropMembers(level, namespace, agentId, members)).then();
    }

    private Mono<Void> dropMembers(Level level, String namespace, String agentId, List<String> members) {
        byte[][] values = members.stream().map(LuaScript::arg).toArray(byte[][]::new);
        RedisKeys.Scope scope = agent(level, namespace, agentId);
        return redis().zrem(scope.key("t"), values).then(redis().zrem(scope.key("r"), values)).then();
    }

    // ---- removals ----------------------------------------------------------------------------------------------

    @Override
    public Mono<Void> remove(String namespace, Collection<String> trajectoryIds) {
        if (trajectoryIds.isEmpty()) {
            return Mono.empty();
        }
        List<String> all = List.copyOf(trajectoryIds);
        return backend.guard(Flux.fromIterable(levels).concatMap(level -> Flux.fromIterable(chunks(all)).concatMap(chunk -> {
            RedisKeys.Scope scope = ids(level, namespace);
            List<byte[]> args = new ArrayList<>();
            args.add(arg(scope.base()));
            args.add(arg(tombstoneTtl.toMillis()));
            chunk.forEach(id -> args.add(arg(id)));
            return REMOVE.<List<Object>>run(redis(), ScriptOutputType.MULTI, List.of(scope.key("agents")), args).next().flatMap(dropped -> {
                Map<String, List<String>> byAgent = new LinkedHashMap<>();
                for (int i = 0; i + 1 < dropped.size(); i += 2) {
                    byAgent.computeIfAbsent(StoredForm.text(dropped.get(i)), a -> new ArrayList<>()).add(StoredForm.text(dropped.get(i + 1)));
                }
                return Flux.fromIterable(byAgent.entrySet()).concatMap(e -> dropMembers(level, namespace, e.getKey(), e.getValue())).then();
            });
        })).then(), "removing from the hot tier");
    }

    @Override
    public Mono<Void> removeAgent(String namespace, String agentId) {
        return backend.guard(Flux.fromIterable(levels).concatMap(level -> {
            RedisKeys.Scope scope = ids(level, namespace);
            RedisKeys.Scope own = agent(level, namespace, agentId);
            Mono<String> tomb = redis().set(scope.key("xa", agentId), arg("1"), io.lettuce.core.SetArgs.Builder.px(tombstoneTtl.toMillis()));
            return tomb.then(redis().zrange(own.key("t"), 0, -1).map(m -> idOf(new String(m, StandardCharsets.UTF_8))).collectList())
                    .flatMap(ids -> deleteCopies(level, namespace, ids))
                    .then(redis().del(own.key("t"), own.key("r")));
        }).then(), "removing an agent from the hot tier");
    }

    @Override
    public Mono<Void> removeOlderThan(String namespace, Instant cutoff) {
        String code = StoredForm.timeCode(cutoff);
        return backend.guard(Flux.fromIterable(levels).concatMap(level -> {
            RedisKeys.Scope scope = ids(level, namespace);
            Mono<Long> cut = CUT.<Long>run(redis(), ScriptOutputType.INTEGER, List.of(scope.key("cut")), List.of(arg(code), arg(tombstoneTtl.toMillis()))).next();
            return cut.thenMany(redis().smembers(scope.key("agents"))).map(a -> new String(a, StandardCharsets.UTF_8))
                    .concatMap(agentId -> {
                        RedisKeys.Scope own = agent(level, namespace, agentId);
                        return redis().zrangebylex(own.key("t"), Range.from(Range.Boundary.unbounded(), Range.Boundary.excluding(arg(code))))
                                .map(m -> new String(m, StandardCharsets.UTF_8)).collectList()
                                .flatMap(members -> members.isEmpty() ? Mono.empty()
                                        : dropMembers(level, namespace, agentId, members)
                                                .then(deleteCopies(level, namespace, members.stream().map(RedisHotTier::idOf).collect(Collectors.toList()))));
                    });
        }).then(), "removing old copies from the hot tier");
    }

    private static List<List<String>> chunks(List<String> ids) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            out.add(ids.subList(i, Math.min(ids.size(), i + CHUNK)));
        }
        return out;
    }

    @Override
    public void close() {
        backend.close();
    }
}
