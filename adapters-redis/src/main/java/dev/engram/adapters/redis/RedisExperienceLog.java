package dev.engram.adapters.redis;

import static dev.engram.adapters.redis.LuaScript.arg;

import dev.engram.application.config.BufferPolicy;
import dev.engram.application.port.out.ExperienceLog;
import dev.engram.domain.error.DomainException;
import dev.engram.domain.trajectory.Trajectory;
import io.lettuce.core.Consumer;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import io.lettuce.core.models.stream.ClaimedMessages;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The experience log on Redis Streams: a fixed set of partition streams {@code {prefix:pN}:log}, each under its own
 * hash tag so that a cluster spreads them and every script stays in one slot. An (namespace, agent) is mapped to one
 * partition by CRC-32, so one agent's entries keep their order.
 *
 * <p>The conflict check: the content hash accepted for every (namespace, id) is kept in the id map of the id's own
 * partition ({@code {prefix:pK}:ids}, K by CRC-32 of namespace and id — not the agent's partition, so the same id
 * under two agents meets the same map). An append first takes its ids there (one script per partition, atomic:
 * a changed id is refused before anything is appended), then appends the entries to the agents' streams (one script
 * per partition). A failure between the two leaves an id taken without an entry; a retry of the same content is
 * {@code REPEATED} and appended again, so nothing is lost (the worker's upsert is idempotent). The map is never
 * trimmed: about 150 bytes of Redis memory per trajectory recorded.
 *
 * <p>An entry is {@code v=1, ns, id, t=<wire JSON>}; entry ids are {@code N-<stream id>}. Reads never block a
 * connection (they poll every {@value #POLL_MILLIS} ms while there is nothing), so the log shares one connection
 * with everything else. Acknowledged entries are trimmed once a partition holds more than {@code maxlen} (never an
 * entry a group has pending or not yet read). Dead letters go to {@code {prefix:dead}:log}.
 */
final class RedisExperienceLog implements ExperienceLog {
    private static final Logger LOG = LoggerFactory.getLogger(RedisExperienceLog.class);
    static final String VERSION = "1";
    static final int POLL_MILLIS = 25;
    private static final int TAKE = 0;
    private static final int SAME = 1;
    private static final int OTHER = 2;
    private static final int TRIM_EVERY_ACKS = 1_000;
    private static final long TAIL_GRACE_MILLIS = 5_000;

    private static final LuaScript RESERVE = LuaScript.load("log-reserve.lua");
    private static final LuaScript RELEASE = LuaScript.load("log-release.lua");
    private static final LuaScript APPEND = LuaScript.load("log-append.lua");
    private static final LuaScript BACKLOG = LuaScript.load("log-common.lua", "log-backlog.lua");
    private static final LuaScript TRIM = LuaScript.load("log-common.lua", "log-trim.lua");

    private final RedisBackend backend;
    private final int partitions;
    private final long maxLen;
    private final Set<String> groupsMade = ConcurrentHashMap.newKeySet();
    private final AtomicInteger nextStart = new AtomicInteger();
    private final AtomicLong[] acksSinceTrim;

    RedisExperienceLog(RedisBackend backend, int partitions, long maxLen) {
        this.backend = Objects.requireNonNull(backend, "backend");
        if (partitions < 1 || partitions > 1024) {
            throw DomainException.invalidArgument("redis.buffer.partitions", "must be between 1 and 1024, got " + partitions);
        }
        this.partitions = partitions;
        this.maxLen = maxLen;
        this.acksSinceTrim = new AtomicLong[partitions];
        for (int i = 0; i < partitions; i++) {
            acksSinceTrim[i] = new AtomicLong();
        }
    }

    RedisExperienceLog(RedisBackend backend, BufferPolicy policy, int partitions) {
        this(backend, partitions, policy.maxLen());
    }

    /**
     * How long one call of several commands may take in all (each command has {@code command_timeout}): past it the
     * call fails as "backend unavailable" and a worker retries, rather than wait on a reply that will not come.
     */
    private Duration limit() {
        return backend.config().commandTimeout().multipliedBy(3);
    }

    private RedisClusterReactiveCommands<String, byte[]> redis() {
        return backend.commands();
    }

    // ---- keys -------------------------------------------------------------------------------------------------

    private String tag(String name) {
        return "{" + backend.keys().prefix() + ":" + name + "}";
    }

    String stream(int partition) {
        return tag("p" + partition) + ":log";
    }

    private String idMap(int partition) {
        return tag("p" + partition) + ":ids";
    }

    String deadStream() {
        return tag("dead") + ":log";
    }

    private static int crc(String a, String b, int n) {
        CRC32 crc = new CRC32();
        crc.update(a.getBytes(StandardCharsets.UTF_8));
        crc.update(0);
        crc.update(b.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % n);
    }

    /** The partition of an agent's entries. */
    int partitionOfAgent(String namespace, String agentId) {
        return crc(namespace, "agent\u0000" + agentId, partitions);
    }

    private int partitionOfId(String namespace, String trajectoryId) {
        return crc(namespace, "id\u0000" + trajectoryId, partitions);
    }

    private static String field(String namespace, String trajectoryId) {
        return RedisKeys.escape(namespace) + ":" + trajectoryId;
    }

    private static String entryId(int partition, String streamId) {
        return partition + "-" + streamId;
    }

    private int partitionOf(String entryId) {
        int dash = entryId.indexOf('-');
        try {
            int p = dash < 1 ? -1 : Integer.parseInt(entryId.substring(0, dash));
            if (p >= 0 && p < partitions && entryId.indexOf('-', dash + 1) > dash + 1) {
                return p;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw DomainException.invalidArgument("entry_id", "is not an entry id of this log: '" + entryId + "'");
    }

    private static String streamId(String entryId) {
        return entryId.substring(entryId.indexOf('-') + 1);
    }

    // ---- the conflict check and appends -------------------------------------------------------------------------

    @Override
    public Mono<Map<String, String>> knownHashes(String namespace, Collection<String> trajectoryIds) {
        Map<Integer, List<String>> byPartition = new LinkedHashMap<>();
        for (String id : trajectoryIds) {
            byPartition.computeIfAbsent(partitionOfId(namespace, id), k -> new ArrayList<>()).add(id);
        }
        Flux<Map.Entry<String, String>> found = Flux.fromIterable(byPartition.entrySet()).flatMap(part -> {
            String[] fields = part.getValue().stream().map(id -> field(namespace, id)).toArray(String[]::new);
            return redis().hmget(idMap(part.getKey()), fields).filter(kv -> kv.hasValue())
                    .map(kv -> Map.entry(kv.getKey().substring(kv.getKey().indexOf(':') + 1), new String(kv.getValue(), StandardCharsets.US_ASCII)));
        });
        return backend.guard(found.collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new), "reading the buffer's ids")
                .map(m -> (Map<String, String>) m);
    }

    /** Runs the reserve script over the items' ids, per id partition; the reply code of each item, in order. */
    private Mono<int[]> reserve(String namespace, List<Trajectory> batch, String mode) {
        Map<Integer, List<Integer>> byPartition = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            byPartition.computeIfAbsent(partitionOfId(namespace, batch.get(i).trajectoryId()), k -> new ArrayList<>()).add(i);
        }
        int[] codes = new int[batch.size()];
        return Flux.fromIterable(byPartition.entrySet()).flatMap(part -> {
            List<byte[]> args = new ArrayList<>();
            args.add(arg(mode));
            for (int i : part.getValue()) {
                Trajectory t = batch.get(i);
                args.add(arg(field(namespace, t.trajectoryId())));
                args.add(arg(t.contentHash()));
            }
            return RESERVE.<List<Object>>run(redis(), ScriptOutputType.MULTI, List.of(idMap(part.getKey())), args).next()
                    .doOnNext(reply -> {
                        for (int j = 0; j < reply.size(); j++) {
                            codes[part.getValue().get(j)] = ((Long) reply.get(j)).intValue();
                        }
                    });
        }).then(Mono.fromSupplier(() -> codes));
    }

    private Mono<Long> release(String namespace, List<Trajectory> taken) {
        Map<Integer, List<byte[]>> byPartition = new LinkedHashMap<>();
        for (Trajectory t : taken) {
            List<byte[]> args = byPartition.computeIfAbsent(partitionOfId(namespace, t.trajectoryId()), k -> new ArrayList<>());
            args.add(arg(field(namespace, t.trajectoryId())));
            args.add(arg(t.contentHash()));
        }
        return Flux.fromIterable(byPartition.entrySet())
                .flatMap(part -> RELEASE.<Long>run(redis(), ScriptOutputType.INTEGER, List.of(idMap(part.getKey())), part.getValue()))
                .reduce(0L, Long::sum);
    }

    @Override
    public Mono<List<AppendStatus>> append(String namespace, List<Trajectory> batch, boolean atomic) {
        if (batch.isEmpty()) {
            return Mono.just(List.of());
        }
        Mono<List<AppendStatus>> work = Mono.defer(() -> {
            // all or nothing: look first, so that a batch with a known conflict takes no id at all
            Mono<int[]> look = atomic ? reserve(namespace, batch, "check") : Mono.just(new int[0]);
            return look.flatMap(seen -> {
                if (atomic && anyOther(seen)) {
                    return Mono.just(refused(seen));
                }
                return reserve(namespace, batch, "take").flatMap(codes -> {
                    if (atomic && anyOther(codes)) {
                        // another writer took one of the ids in between: give back what this call took
                        List<Trajectory> taken = new ArrayList<>();
                        for (int i = 0; i < codes.length; i++) {
                            if (codes[i] == TAKE) {
                                taken.add(batch.get(i));
                            }
                        }
                        return release(namespace, taken).thenReturn(refused(codes));
                    }
                    List<AppendStatus> statuses = new ArrayList<>(batch.size());
                    List<Trajectory> toAppend = new ArrayList<>();
                    for (int i = 0; i < codes.length; i++) {
                        AppendStatus s = codes[i] == TAKE ? AppendStatus.APPENDED : codes[i] == SAME ? AppendStatus.REPEATED : AppendStatus.CONFLICT;
                        statuses.add(s);
                        if (s != AppendStatus.CONFLICT) {
                            toAppend.add(batch.get(i));
                        }
                    }
                    return appendEntries(namespace, toAppend).thenReturn(statuses);
                });
            });
        });
        return backend.guard(work.timeout(limit()), "appending to the write buffer");
    }

    private static boolean anyOther(int[] codes) {
        for (int c : codes) {
            if (c == OTHER) {
                return true;
            }
        }
        return false;
    }

    private static List<AppendStatus> refused(int[] codes) {
        List<AppendStatus> out = new ArrayList<>(codes.length);
        for (int c : codes) {
            out.add(c == OTHER ? AppendStatus.CONFLICT : AppendStatus.NOT_APPENDED);
        }
        return out;
    }

    private Mono<Void> appendEntries(String namespace, List<Trajectory> items) {
        if (items.isEmpty()) {
            return Mono.empty();
        }
        Map<Integer, List<byte[]>> byPartition = new LinkedHashMap<>();
        byte[] ns = arg(namespace);
        for (Trajectory t : items) {
            List<byte[]> args = byPartition.computeIfAbsent(partitionOfAgent(namespace, t.agentId()), k -> {
                List<byte[]> a = new ArrayList<>();
                a.add(arg(VERSION));
                return a;
            });
            args.add(ns);
            args.add(arg(t.trajectoryId()));
            args.add(StoredForm.body(t, false));
        }
        return Flux.fromIterable(byPartition.entrySet())
                .flatMap(part -> APPEND.<List<Object>>run(redis(), ScriptOutputType.MULTI, List.of(stream(part.getKey())), part.getValue()))
                .then();
    }

    /** Writes an entry of a form this version cannot read into a partition (tests: something else wrote it). */
    Mono<String> appendRaw(int partition, Map<String, byte[]> fields) {
        return redis().xadd(stream(partition), fields).map(id -> entryId(partition, id));
    }

    // ---- consumer groups ----------------------------------------------------------------------------------------

    private Mono<Void> ensureGroup(String group, int partition) {
        String key = stream(partition) + "\u0000" + group;
        if (groupsMade.contains(key)) {
            return Mono.empty();
        }
        return redis().xgroupCreate(StreamOffset.from(stream(partition), "0"), group, new XGroupCreateArgs().mkstream(true))
                .onErrorResume(e -> e instanceof RedisCommandExecutionException && String.valueOf(e.getMessage()).startsWith("BUSYGROUP"),
                        e -> Mono.just("OK"))
                .doOnSuccess(ok -> groupsMade.add(key))
                .then();
    }

    /** {@code body} with the group made first, and made again once if the server lost it (a restart without persistence). */
    private <T> Flux<T> inGroup(String group, int partition, java.util.function.Supplier<Flux<T>> body) {
        return ensureGroup(group, partition).thenMany(Flux.defer(body))
                .onErrorResume(e -> e instanceof RedisCommandExecutionException && String.valueOf(e.getMessage()).startsWith("NOGROUP"),
                        e -> {
                            groupsMade.remove(stream(partition) + "\u0000" + group);
                            return ensureGroup(group, partition).thenMany(Flux.defer(body));
                        });
    }

    private List<Integer> rotation() {
        int start = Math.floorMod(nextStart.getAndIncrement(), partitions);
        List<Integer> order = new ArrayList<>(partitions);
        for (int i = 0; i < partitions; i++) {
            order.add((start + i) % partitions);
        }
        return order;
    }

    /** Reads from the partitions in turn (a rotating first one) until {@code count} messages, each decoded. */
    private Mono<Delivery> readOnce(String group, String consumer, int count, String offset) {
        AtomicInteger remaining = new AtomicInteger(count);
        Consumer<String> who = Consumer.from(group, consumer);
        return Flux.fromIterable(rotation())
                .concatMap(p -> remaining.get() <= 0 ? Flux.empty()
                        : inGroup(group, p, () -> redis().xreadgroup(who, XReadArgs.Builder.count(remaining.get()), StreamOffset.from(stream(p), offset)))
                        .doOnNext(m -> remaining.decrementAndGet())
                        .map(m -> Map.entry(p, m)))
                .collectList()
                .map(this::decode);
    }

    @Override
    public Mono<Delivery> read(String group, String consumer, int count, Duration block) {
        long deadline = System.nanoTime() + block.toNanos();
        return backend.guard(poll(group, consumer, count, deadline).timeout(limit().plus(block)), "reading the write buffer");
    }

    private Mono<Delivery> poll(String group, String consumer, int count, long deadline) {
        return readOnce(group, consumer, count, ">").flatMap(d -> {
            long left = deadline - System.nanoTime();
            if (!d.isEmpty() || left <= 0) {
                return Mono.just(d);
            }
            return Mono.delay(Duration.ofNanos(Math.min(left, Duration.ofMillis(POLL_MILLIS).toNanos())))
                    .then(Mono.defer(() -> poll(group, consumer, count, deadline)));
        });
    }

    @Override
    public Mono<Delivery> ownPending(String group, String consumer, int count) {
        return backend.guard(readOnce(group, consumer, count, "0").timeout(limit()), "reading the write buffer's pending entries");
    }

    @Override
    public Mono<Delivery> claimIdle(String group, String consumer, Duration minIdle, int count) {
        AtomicInteger remaining = new AtomicInteger(count);
        Consumer<String> who = Consumer.from(group, consumer);
        Flux<Map.Entry<Integer, StreamMessage<String, byte[]>>> claimed = Flux.fromIterable(rotation())
                .concatMap(p -> claimFrom(group, p, who, minIdle, "0-0", remaining).map(m -> Map.entry(p, m)));
        return backend.guard(claimed.collectList().map(this::decode).timeout(limit()), "claiming idle entries of the write buffer");
    }

    private Flux<StreamMessage<String, byte[]>> claimFrom(String group, int p, Consumer<String> who, Duration minIdle, String cursor,
                                                          AtomicInteger remaining) {
        if (remaining.get() <= 0) {
            return Flux.empty();
        }
        return inGroup(group, p, () -> redis().xautoclaim(stream(p), XAutoClaimArgs.Builder.xautoclaim(who, minIdle, cursor).count(remaining.get())).flux())
                .concatMap((ClaimedMessages<String, byte[]> reply) -> {
                    List<StreamMessage<String, byte[]>> got = reply.getMessages();
                    remaining.addAndGet(-got.size());
                    Flux<StreamMessage<String, byte[]>> now = Flux.fromIterable(got);
                    String next = reply.getId();
                    return next == null || next.equals("0-0") ? now : now.concatWith(claimFrom(group, p, who, minIdle, next, remaining));
                });
    }

    @Override
    public Mono<Long> acknowledge(String group, Collection<String> entryIds) {
        if (entryIds.isEmpty()) {
            return Mono.just(0L);
        }
        Map<Integer, List<String>> byPartition = byPartition(entryIds);
        Flux<Long> acks = Flux.fromIterable(byPartition.entrySet()).flatMap(part -> {
            int p = part.getKey();
            return redis().xack(stream(p), group, part.getValue().toArray(String[]::new))
                    .flatMap(n -> trimSometimes(p, n).thenReturn(n));
        });
        return backend.guard(acks.reduce(0L, Long::sum), "acknowledging write buffer entries");
    }

    private Map<Integer, List<String>> byPartition(Collection<String> entryIds) {
        Map<Integer, List<String>> byPartition = new LinkedHashMap<>();
        for (String id : entryIds) {
            byPartition.computeIfAbsent(partitionOf(id), k -> new ArrayList<>()).add(streamId(id));
        }
        return byPartition;
    }

    /** Every {@value #TRIM_EVERY_ACKS} acknowledgements of a partition, trims what every group has acknowledged. */
    private Mono<Long> trimSometimes(int partition, long acked) {
        if (maxLen == 0 || acksSinceTrim[partition].addAndGet(acked) < TRIM_EVERY_ACKS) {
            return Mono.just(0L);
        }
        acksSinceTrim[partition].set(0);
        return trim(partition);
    }

    /** Trims the acknowledged entries of a partition that holds more than {@code maxlen} (tests call it directly). */
    Mono<Long> trim(int partition) {
        return TRIM.<Long>run(redis(), ScriptOutputType.INTEGER, List.of(stream(partition)), List.of(arg(maxLen))).next()
                .onErrorResume(e -> {
                    LOG.warn("trimming {} failed (it is retried later): {}", stream(partition), e.toString());
                    return Mono.just(0L);
                });
    }

    @Override
    public Mono<Void> deadLetter(String group, Map<String, String> reasonsByEntryId) {
        if (reasonsByEntryId.isEmpty()) {
            return Mono.empty();
        }
        Flux<String> moved = Flux.fromIterable(reasonsByEntryId.entrySet()).concatMap(dead -> {
            int p = partitionOf(dead.getKey());
            String sid = streamId(dead.getKey());
            return redis().xrange(stream(p), Range.create(sid, sid)).next()
                    .map(StreamMessage::getBody)
                    .defaultIfEmpty(Map.of())
                    .flatMap(original -> {
                        Map<String, byte[]> fields = new LinkedHashMap<>();
                        fields.put("dead.entry", arg(dead.getKey()));
                        fields.put("dead.reason", arg(dead.getValue()));
                        fields.put("dead.group", arg(group));
                        if (original != null) {
                            fields.putAll(original);
                        }
                        return redis().xadd(deadStream(), fields);
                    })
                    .then(redis().xack(stream(p), group, sid))
                    .thenReturn(dead.getKey());
        });
        return backend.guard(moved.then(), "moving entries to the dead letters");
    }

    @Override
    public Flux<DeadLetter> deadLetters(int limit) {
        return backend.guard(redis().xrange(deadStream(), Range.create("-", "+"), Limit.from(limit)).map(m -> {
            Map<String, String> fields = new LinkedHashMap<>();
            String entry = null;
            String reason = null;
            for (Map.Entry<String, byte[]> f : m.getBody().entrySet()) {
                String value = new String(f.getValue(), StandardCharsets.UTF_8);
                switch (f.getKey()) {
                    case "dead.entry" -> entry = value;
                    case "dead.reason" -> reason = value;
                    case "dead.group" -> {
                    }
                    default -> fields.put(f.getKey(), value);
                }
            }
            return new DeadLetter(entry, reason, fields);
        }), "reading the dead letters");
    }

    @Override
    public Mono<Backlog> backlog(String group) {
        Flux<List<Object>> parts = Flux.range(0, partitions)
                .flatMap(p -> BACKLOG.<List<Object>>run(redis(), ScriptOutputType.MULTI, List.of(stream(p)), List.of(arg(group))));
        return backend.guard(parts.reduce(new Backlog(0, 0),
                (sum, reply) -> new Backlog(sum.lag() + (Long) reply.get(0), sum.pending() + (Long) reply.get(1))), "reading the write buffer's backlog");
    }

    // ---- decoding -----------------------------------------------------------------------------------------------

    private Delivery decode(List<Map.Entry<Integer, StreamMessage<String, byte[]>>> messages) {
        List<Entry> entries = new ArrayList<>(messages.size());
        List<Undecodable> undecodable = new ArrayList<>();
        for (Map.Entry<Integer, StreamMessage<String, byte[]>> pm : messages) {
            String id = entryId(pm.getKey(), pm.getValue().getId());
            Object decoded = decode(id, pm.getValue().getBody());
            if (decoded instanceof Entry e) {
                entries.add(e);
            } else {
                undecodable.add(new Undecodable(id, (String) decoded));
            }
        }
        return new Delivery(entries, undecodable);
    }

    /** The entry, or why it cannot be read. */
    private static Object decode(String entryId, Map<String, byte[]> body) {
        if (body == null || body.isEmpty()) {
            return "the entry is no longer in the stream (deleted or trimmed while pending)";
        }
        byte[] v = body.get("v");
        byte[] ns = body.get("ns");
        byte[] id = body.get("id");
        byte[] t = body.get("t");
        if (v == null || !VERSION.equals(new String(v, StandardCharsets.UTF_8))) {
            return "the entry is not of format version " + VERSION + " (v=" + (v == null ? "missing" : new String(v, StandardCharsets.UTF_8))
                    + ", fields " + new java.util.TreeSet<>(body.keySet()) + ")";
        }
        if (ns == null || id == null || t == null) {
            return "the entry lacks one of the fields ns, id, t (fields " + new java.util.TreeSet<>(body.keySet()) + ")";
        }
        try {
            Trajectory trajectory = StoredForm.read(t, null, "write buffer entry " + entryId);
            String sentId = new String(id, StandardCharsets.UTF_8);
            if (!trajectory.trajectoryId().equals(sentId)) {
                return "the entry's id field '" + sentId + "' is not its trajectory's id '" + trajectory.trajectoryId() + "'";
            }
            return new Entry(entryId, new String(ns, StandardCharsets.UTF_8), trajectory);
        } catch (RuntimeException e) {
            return e.getMessage() == null ? e.toString() : e.getMessage();
        }
    }

    // ---- the live feed ------------------------------------------------------------------------------------------

    @Override
    public Flux<Entry> tail(String namespace, String afterEntryId) {
        return Flux.defer(() -> {
            Mono<String[]> start = afterEntryId == null ? latestIds() : Mono.just(resumeFrom(afterEntryId));
            return backend.guard(start, "following the write buffer").flatMapMany(positions ->
                    Flux.interval(Duration.ZERO, Duration.ofMillis(POLL_MILLIS))
                            .onBackpressureDrop()
                            .concatMap(tick -> Flux.range(0, partitions).concatMap(p ->
                                    redis().xread(XReadArgs.Builder.count(500), StreamOffset.from(stream(p), positions[p]))
                                            .doOnNext(m -> positions[p] = m.getId())
                                            .map(m -> Map.entry(p, m))), 1)
                            .flatMapIterable(pm -> {
                                Object decoded = decode(entryId(pm.getKey(), pm.getValue().getId()), pm.getValue().getBody());
                                return decoded instanceof Entry e && e.namespace().equals(namespace) ? List.of(e) : List.<Entry>of();
                            }));
        });
    }

    private Mono<String[]> latestIds() {
        String[] positions = new String[partitions];
        return Flux.range(0, partitions)
                .flatMap(p -> redis().xrevrange(stream(p), Range.create("-", "+"), Limit.from(1)).next()
                        .map(StreamMessage::getId).defaultIfEmpty("0-0").doOnNext(id -> positions[p] = id))
                .then(Mono.just(positions));
    }

    /**
     * After an entry of partition N: N exactly after it; the other partitions from {@value #TAIL_GRACE_MILLIS} ms
     * before its time (their entries of about the same time may come again; none is skipped unless the servers'
     * clocks disagree by more than that).
     */
    private String[] resumeFrom(String afterEntryId) {
        int from = partitionOf(afterEntryId);
        String sid = streamId(afterEntryId);
        long ms;
        try {
            ms = Long.parseLong(sid.substring(0, sid.indexOf('-')));
        } catch (RuntimeException e) {
            throw DomainException.invalidArgument("entry_id", "is not an entry id of this log: '" + afterEntryId + "'");
        }
        String[] positions = new String[partitions];
        for (int p = 0; p < partitions; p++) {
            positions[p] = p == from ? sid : Math.max(0, ms - TAIL_GRACE_MILLIS) + "-0";
        }
        return positions;
    }

    int partitions() {
        return partitions;
    }

    @Override
    public void close() {
        backend.close();
    }
}
