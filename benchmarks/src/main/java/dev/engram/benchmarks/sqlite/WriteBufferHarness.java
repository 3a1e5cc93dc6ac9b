package dev.engram.benchmarks.sqlite;

import dev.engram.adapters.redis.harness.RedisServer;
import dev.engram.adapters.redis.harness.RedisServers;
import dev.engram.application.config.BufferPolicy;
import dev.engram.application.config.EngramSettings;
import dev.engram.application.port.in.InputItem;
import dev.engram.application.port.in.ListTrajectoriesQuery;
import dev.engram.application.port.in.RecordCommand;
import dev.engram.application.port.in.RecordReport;
import dev.engram.application.port.out.ExperienceLog;
import dev.engram.application.query.TrajectoryFilter;
import dev.engram.application.service.EngramServices;
import dev.engram.application.service.WriteBehindWorker;
import dev.engram.domain.trajectory.ReadContext;
import dev.engram.domain.trajectory.ReadResult;
import dev.engram.domain.trajectory.TrajectoryReader;
import dev.engram.domain.trajectory.TrajectoryWriter;
import dev.engram.json.JsonCodec;
import dev.engram.runtime.EngramRuntime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The write buffer's figures, all in one run against one {@code redis-server} it starts (AOF on, appendfsync
 * everysec, a free loopback port) and SQLite files in {@code DIR}:
 *
 * <ol>
 * <li>buffered ingest of ~2 KB trajectories through engram's record path into Redis (JSON text in, acknowledged in
 * the stream out), beside {@code redis-benchmark}'s pipelined XADD of the same payload size (the server's limit) and
 * beside the rate at which this process merely parses, validates and re-serialises the same lines (the CPU's limit);</li>
 * <li>seed 002's table: recording 1000 direct to SQLite vs through the Redis buffer; flushing 10,000 from Redis to
 * SQLite (the worker's drain); reading an agent's most recent trajectory, and a trajectory by id (hot tier vs SQLite);</li>
 * <li>the worker's drain rate and the end-to-end lag (acknowledged in Redis → readable from SQLite) at a steady
 * ingest rate.</li>
 * </ol>
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.engram.benchmarks.sqlite.WriteBufferHarness DIR [N] [THREADS] [RATE] [INGEST_THREADS]</pre>
 *
 * THREADS (default: the cores) do the CPU-limit work; INGEST_THREADS (default: twice as many) record through engram,
 * each waiting on Redis and SQLite for part of the time, so that the cores stay busy.
 */
public final class WriteBufferHarness {
    private static final Duration WAIT = Duration.ofMinutes(10);
    private static final String NS = "bench";
    private static final int BATCH = 1_000;
    private static final int REPEATS = 5;

    private final Path dir;
    private final RedisServer redis;
    private long nextId;

    private WriteBufferHarness(Path dir, RedisServer redis) {
        this.dir = dir;
        this.redis = redis;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/engram-buffer-bench");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
        int rate = args.length > 3 ? Integer.parseInt(args[3]) : 2_000;
        int ingestThreads = args.length > 4 ? Integer.parseInt(args[4]) : 2 * threads;
        Files.createDirectories(dir);
        try (RedisServer redis = RedisServers.start(RedisServers.Options.aof("everysec"))) {
            new WriteBufferHarness(dir, redis).run(n, threads, rate, ingestThreads);
        }
    }

    private EngramRuntime runtime(String name, boolean buffered) throws IOException {
        Path data = dir.resolve(name + "-" + System.nanoTime());
        String yaml = String.join("\n", "storage: sqlite", "buffer: " + (buffered ? "redis" : "none"), "data_dir: " + data,
                "redis:", "  uri: " + redis.uri(), "  key_prefix: " + name, "");
        Path config = Files.writeString(dir.resolve(name + ".yaml"), yaml);
        return EngramRuntime.start(new EngramRuntime.Options(config, Map.of(), Map.of(), true));
    }

    /** {@code n} wire JSON lines of fresh trajectories (~2 KB each). */
    private List<String> lines(int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(JsonCodec.instance().write(TrajectoryWriter.toJson(BenchmarkTrajectories.of(nextId++))));
        }
        return out;
    }

    private void run(int n, int threads, int rate, int ingestThreads) throws Exception {
        System.out.printf(Locale.ROOT, "machine: %d cores, %s; java %s; redis-server at %s (appendonly yes, appendfsync everysec)%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("java.version"), redis.uri());
        List<String> sample = lines(1);
        System.out.printf(Locale.ROOT, "payload: %d bytes of wire JSON per trajectory; N = %d per run; CPU limit on %d threads, "
                        + "engram's ingest on %d threads, batches of %d%n",
                sample.get(0).getBytes(StandardCharsets.UTF_8).length, n, threads, ingestThreads, BATCH);

        // 1. ingest beside its two limits, interleaved repeats
        List<Double> cpu = new ArrayList<>();
        List<Double> engram = new ArrayList<>();
        List<Double> server = new ArrayList<>();
        try (EngramRuntime buffered = runtime("ingest", true)) {
            // JIT warm-up of both paths, not counted: two full rounds (on two cores the compiler needs that long)
            for (int w = 0; w < 2; w++) {
                List<String> warm = lines(n);
                cpuLimit(buffered.settings(), warm, threads);
                ingest(buffered.services(), warm, ingestThreads);
            }
            for (int r = 0; r < REPEATS; r++) {
                List<String> input = lines(n);
                cpu.add(cpuLimit(buffered.settings(), input, threads));
                engram.add(ingest(buffered.services(), input, ingestThreads));
                server.add(redisBenchmark(sample.get(0).length(), Math.max(n * 2, 100_000)));
                System.out.printf(Locale.ROOT, "  run %d: parse+validate+serialise %.0f/s, engram buffered ingest %.0f/s, redis-benchmark XADD -P 64 %.0f/s"
                                + " (engram = %.0f%% of XADD, %.0f%% of the CPU limit)%n",
                        r + 1, cpu.get(r), engram.get(r), server.get(r), 100 * engram.get(r) / server.get(r), 100 * engram.get(r) / cpu.get(r));
            }
        }
        double e = median(engram);
        System.out.printf(Locale.ROOT, "ingest (medians): engram %.0f traj/s = %.0f%% of redis-benchmark XADD (%.0f/s) and %.0f%% of the CPU limit (%.0f/s)%n",
                e, 100 * e / median(server), median(server), 100 * e / median(cpu), median(cpu));

        // 2. seed 002's table
        seedTable();

        // 3. drain rate and lag at a steady load
        steady(rate, Duration.ofSeconds(20));
    }

    private static ReadContext context() {
        AtomicLong ids = new AtomicLong();
        return new ReadContext(Instant.now(), () -> "gen-" + ids.incrementAndGet(), null);
    }

    /** Parse, validate (with redaction) and re-serialise each line, as record does before it hands a trajectory on. */
    private static double cpuLimit(EngramSettings settings, List<String> input, int threads) throws Exception {
        TrajectoryReader reader = new TrajectoryReader(settings.limits(), settings.redactor());
        return timed(input, threads, part -> {
            long bytes = 0;
            ReadContext context = context();
            for (String line : part) {
                ReadResult read = reader.read(JsonCodec.instance().parse(line), context);
                bytes += JsonCodec.instance().write(TrajectoryWriter.toJson(read.trajectory())).getBytes(StandardCharsets.UTF_8).length
                        + read.trajectory().contentHash().length();
            }
            return bytes;
        });
    }

    private static List<InputItem> items(List<String> lines) {
        List<InputItem> items = new ArrayList<>(lines.size());
        for (String line : lines) {
            items.add(InputItem.of(items.size(), JsonCodec.instance().parse(line)));
        }
        return items;
    }

    private static RecordReport record(EngramServices services, List<String> lines) {
        RecordReport report = services.record().record(new RecordCommand(NS, items(lines), false, null)).block(WAIT);
        if (report.items().stream().anyMatch(i -> i.status() != RecordReport.Status.STORED)) {
            throw new IllegalStateException("not all stored: " + report.items().get(0));
        }
        return report;
    }

    /** JSON text in, acknowledged (in the buffer, or in SQLite) out, in batches of {@value #BATCH} per thread. */
    private static double ingest(EngramServices services, List<String> input, int threads) throws Exception {
        return timed(input, threads, part -> {
            for (int i = 0; i < part.size(); i += BATCH) {
                record(services, part.subList(i, Math.min(part.size(), i + BATCH)));
            }
            return part.size();
        });
    }

    interface Work {
        long run(List<String> part) throws Exception;
    }

    /** Items per second over {@code threads} threads, each taking its share. */
    private static double timed(List<String> input, int threads, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            int share = (input.size() + threads - 1) / threads;
            long start = System.nanoTime();
            List<Future<Long>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<String> part = input.subList(Math.min(input.size(), t * share), Math.min(input.size(), (t + 1) * share));
                parts.add(pool.submit(() -> work.run(part)));
            }
            for (Future<Long> f : parts) {
                f.get();
            }
            return input.size() / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    private static final Pattern RPS = Pattern.compile("([0-9.]+) requests per second");

    /** redis-benchmark's pipelined XADD of a {@code size}-byte field, 50 clients, 64 commands per pipeline. */
    private double redisBenchmark(int size, int requests) throws Exception {
        String key = "{bench}:xadd";
        List<String> command = List.of("redis-benchmark", "-h", "127.0.0.1", "-p", Integer.toString(redis.port()), "-n",
                Integer.toString(requests), "-P", "64", "-q", "XADD", key, "*", "t", "x".repeat(size));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("redis-benchmark failed: " + out);
        }
        redis.command("DEL", key);
        Matcher m = RPS.matcher(out);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        if (last == null) {
            throw new IllegalStateException("no rate in redis-benchmark's output: " + out);
        }
        return Double.parseDouble(last);
    }

    private void seedTable() throws Exception {
        List<Double> direct = new ArrayList<>();
        List<Double> buffered = new ArrayList<>();
        List<Double> flush = new ArrayList<>();
        List<Double> recentSqlite = new ArrayList<>();
        List<Double> getSqlite = new ArrayList<>();
        List<Double> getTiered = new ArrayList<>();
        try (EngramRuntime plain = runtime("seed-direct", false); EngramRuntime viaRedis = runtime("seed-buffer", true)) {
            for (int r = 0; r < 10; r++) {
                List<String> batch = lines(1_000);
                direct.add(millis(() -> record(plain.services(), batch)));
                List<String> other = lines(1_000);
                buffered.add(millis(() -> record(viaRedis.services(), other)));
            }
            WriteBehindWorker worker = viaRedis.services().worker("bench");
            worker.drain();
            for (int r = 0; r < REPEATS; r++) {
                List<String> tenThousand = lines(10_000);
                for (int i = 0; i < tenThousand.size(); i += BATCH) {
                    record(viaRedis.services(), tenThousand.subList(i, i + BATCH));
                }
                flush.add(millis(worker::drain));
            }
            // reads: the store holds 40,000 (SQLite alone) / 40,000 through the hot tier
            String id = "t-" + (nextId - 1);
            String agent = BenchmarkTrajectories.of(nextId - 1).agentId();
            for (int r = 0; r < 2_000; r++) {
                recentSqlite.add(micros(() -> viaRedis.services().list().list(new ListTrajectoriesQuery(NS, TrajectoryFilter.agent(agent), 1, null)).block(WAIT)));
                getTiered.add(micros(() -> viaRedis.services().get().get(NS, id).block(WAIT)));
                getSqlite.add(micros(() -> plain.services().list().list(new ListTrajectoriesQuery(NS, TrajectoryFilter.agent(agent), 1, null)).block(WAIT)));
            }
            String anyDirect = "t-" + (nextId - 40_001);
            List<Double> getDirect = new ArrayList<>();
            for (int r = 0; r < 2_000; r++) {
                getDirect.add(micros(() -> plain.services().get().get(NS, anyDirect).block(WAIT)));
            }
            System.out.println("seed 002's table (medians):");
            System.out.printf(Locale.ROOT, "  record 1000 trajectories: direct to SQLite %.1f ms, through the Redis buffer %.1f ms (%.1fx)%n",
                    median(direct), median(buffered), median(direct) / median(buffered));
            System.out.printf(Locale.ROOT, "  flush 10,000 from Redis to SQLite (worker drain): %.2f s (%.0f traj/s)%n",
                    median(flush) / 1000, 10_000 / (median(flush) / 1000));
            System.out.printf(Locale.ROOT, "  most recent of an agent (list --agent, limit 1; SQLite either way): %.0f us with the buffer's runtime, %.0f us plain%n",
                    median(recentSqlite), median(getSqlite));
            System.out.printf(Locale.ROOT, "  get by id: %.0f us through the hot tier, %.0f us from SQLite%n", median(getTiered), median(getDirect));
        }
    }

    private void steady(int rate, Duration length) throws Exception {
        try (EngramRuntime runtime = runtime("steady", true)) {
            EngramServices services = runtime.services();
            ExperienceLog log = services.experienceLog().orElseThrow();
            WriteBehindWorker worker = services.worker("steady");
            Thread drain = new Thread(worker::run, "worker");
            drain.start();
            AtomicBoolean producing = new AtomicBoolean(true);
            List<Long> backlog = Collections.synchronizedList(new ArrayList<>());
            List<Double> endToEnd = Collections.synchronizedList(new ArrayList<>());
            List<Thread> probes = Collections.synchronizedList(new ArrayList<>());
            int perTick = Math.max(1, rate / 20);
            long firstId = nextId;
            List<String> input = lines((int) (rate * length.toSeconds()) + perTick);
            long start = System.nanoTime();
            Thread producer = new Thread(() -> {
                int at = 0;
                for (long tick = 0; at + perTick <= input.size() && producing.get(); tick++) {
                    long due = start + tick * 50_000_000L;
                    long sleep = due - System.nanoTime();
                    if (sleep > 0) {
                        try {
                            TimeUnit.NANOSECONDS.sleep(sleep);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    List<String> batch = input.subList(at, at + perTick);
                    record(services, batch);
                    long acked = System.nanoTime();
                    String id = "t-" + (firstId + at);
                    at += perTick;
                    if (tick % 10 == 5) {
                        // one id per half second: acknowledged in Redis → readable from SQLite
                        Thread probe = new Thread(() -> {
                            while (services.get().get(NS, id).block(WAIT) == null) {
                                try {
                                    Thread.sleep(2);
                                } catch (InterruptedException e) {
                                    return;
                                }
                            }
                            endToEnd.add((System.nanoTime() - acked) / 1e6);
                        }, "lag-probe");
                        probes.add(probe);
                        probe.start();
                    }
                }
            }, "producer");
            long storedBefore = worker.metrics().snapshot().inserted();
            producer.start();
            while (System.nanoTime() - start < length.toNanos()) {
                ExperienceLog.Backlog b = log.backlog(BufferPolicy.DEFAULTS.group()).block(WAIT);
                backlog.add(b.lag() + b.pending());
                Thread.sleep(100);
            }
            producing.set(false);
            producer.join();
            double seconds = (System.nanoTime() - start) / 1e9;
            long stored = worker.metrics().snapshot().inserted() - storedBefore;
            for (Thread probe : List.copyOf(probes)) {
                probe.join(); // the worker is still running: every probed id gets stored
            }
            worker.stop();
            drain.join();
            List<Double> b = new ArrayList<>();
            backlog.forEach(x -> b.add((double) x));
            System.out.printf(Locale.ROOT, "steady ingest %d traj/s for %.0f s: the worker stored %.0f traj/s (mean batch %.0f); backlog median %.0f, max %.0f entries; "
                            + "acknowledged -> readable in SQLite: median %.0f ms, p99 %.0f ms (%d samples)%n",
                    rate, seconds, stored / seconds, worker.metrics().snapshot().meanBatchSize(), median(b), Collections.max(b),
                    median(endToEnd), percentile(endToEnd, 0.99), endToEnd.size());
        }
    }

    private static double millis(Runnable r) {
        long start = System.nanoTime();
        r.run();
        return (System.nanoTime() - start) / 1e6;
    }

    private static double micros(Runnable r) {
        long start = System.nanoTime();
        r.run();
        return (System.nanoTime() - start) / 1e3;
    }

    private static double median(List<Double> values) {
        return percentile(values, 0.5);
    }

    private static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(p * (sorted.size() - 1) + 0.5)));
    }
}
