package dev.engram.app.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.adapters.redis.harness.RedisServer;
import dev.engram.adapters.redis.harness.RedisServers;
import dev.engram.application.port.in.InputItem;
import dev.engram.application.port.in.RecordCommand;
import dev.engram.application.port.in.RecordReport;
import dev.engram.application.port.in.StatisticsQuery;
import dev.engram.application.port.in.StatisticsReport;
import dev.engram.application.query.TrajectoryFilter;
import dev.engram.json.JsonCodec;
import dev.engram.runtime.EngramRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The write buffer's faults, end to end: a producer records N trajectories through the Redis buffer (in this JVM,
 * as engram's record path does) while {@code engram worker} runs in child JVMs that are killed with {@code kill -9}
 * at random points and started again, or while Redis itself is restarted or killed. Afterwards every trajectory
 * whose record was acknowledged is in the long-term store exactly once (the unique key, and each agent's memory
 * counting each episode once), and the buffer's backlog is empty. What is checked is read back through the runtime's
 * services (list, statistics, memory), so it holds whatever the store; one subclass per long-term store
 * ({@link WriteBufferFaultsIT}: SQLite, {@link MongoWriteBufferFaultsIT}: MongoDB). Each test starts a redis-server
 * of its own (the classes of this module run concurrently, and the tests kill and restart it).
 *
 * <p>Sizes: by default N = 5,000 over two rounds of several kills, which keeps CI short and still kills workers
 * mid-batch; {@code -Dengram.faults.full=true} runs N = 100,000 over ten rounds ({@code -Dengram.faults.n} and
 * {@code -Dengram.faults.rounds} set them directly).
 */
abstract class WriteBufferFaultsContract {
    private static final boolean FULL = Boolean.getBoolean("engram.faults.full");
    private static final int N = Integer.getInteger("engram.faults.n", FULL ? 100_000 : 5_000);
    private static final int ROUNDS = Integer.getInteger("engram.faults.rounds", FULL ? 10 : 2);
    private static final int BATCH = 100;
    private static final int KILLS = FULL ? 20 : 8;
    private static final int AGENTS = 16;
    private static final String NS = "default";
    private static final Duration WAIT = Duration.ofMinutes(2);

    @TempDir
    Path dir;

    private RedisServer redis;
    private final List<Process> workers = new ArrayList<>();
    private final Random random = new Random(Long.getLong("engram.faults.seed", System.nanoTime()));

    /**
     * The long-term store's part of the configuration: {@code storage: ...} and the store's own section, if any. Each
     * call is a configuration of its own (a round, a test) and must name a store of its own, empty, that no other
     * call's sees; the worker JVMs read it from the configuration file, so it must be reachable from other processes.
     * {@code data} is the configuration's data dir (where SQLite keeps its file).
     */
    abstract List<String> longTermStore(Path data);

    /** The long-term store's name, for messages. */
    abstract String longTermStoreName();

    @AfterEach
    void stop() {
        workers.forEach(Process::destroyForcibly);
        if (redis != null) {
            redis.close();
        }
    }

    private Path config(Path data, String prefix, String fsync) {
        List<String> lines = new ArrayList<>(longTermStore(data));
        lines.addAll(List.of(
                "buffer: redis",
                "data_dir: " + data,
                "redis:",
                "  uri: " + redis.uri(),
                "  key_prefix: " + prefix,
                "  connect_timeout: 2s",
                "  command_timeout: 5s",
                "  buffer:",
                "    batch_size: 500",
                "    interval: 200ms",
                "    claim_idle: 1s",
                "    fallback_retry: 200ms",
                ""));
        try {
            return Files.writeString(dir.resolve("engram-" + prefix + "-" + fsync + ".yaml"), String.join("\n", lines));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String line(String prefix, int i) {
        return Runs.line(prefix, i).replaceFirst("\"agent_id\": \"[a-z_]+\"", "\"agent_id\": \"agent-" + (i % AGENTS) + "\"");
    }

    /** Records {@code n} trajectories in batches, spread over about {@code seconds}; returns the acknowledged ids. */
    private static Set<String> produce(EngramRuntime runtime, String prefix, int n, double seconds) throws InterruptedException {
        return produce(runtime, prefix, n, seconds, new ConcurrentHashMap<>()).keySet();
    }

    /** As above, noting when each id was acknowledged (System.nanoTime). */
    private static Map<String, Long> produce(EngramRuntime runtime, String prefix, int n, double seconds, Map<String, Long> acknowledged)
            throws InterruptedException {
        long start = System.nanoTime();
        for (int from = 0; from < n; from += BATCH) {
            List<InputItem> items = new ArrayList<>();
            for (int i = from; i < Math.min(n, from + BATCH); i++) {
                items.add(new InputItem(i - from, i - from + 1, JsonCodec.instance().parse(line(prefix, i)), null));
            }
            RecordReport report = runtime.services().record().record(new RecordCommand(NS, items, false, null)).block(WAIT);
            for (RecordReport.ItemResult r : report.items()) {
                assertThat(r.status()).as("item %s", r.trajectoryId()).isIn(RecordReport.Status.STORED, RecordReport.Status.UNCHANGED);
                acknowledged.put(r.trajectoryId(), System.nanoTime());
            }
            // the first half as fast as it goes (a backlog: the workers then drain full batches), the rest spread over the time
            long due = from < n / 2 ? 0 : start + (long) (seconds * 1e9 * (from + BATCH - n / 2) / (n - n / 2));
            if (from + BATCH == n / 2) {
                start = System.nanoTime();
            }
            long sleep = due - System.nanoTime();
            if (sleep > 0) {
                TimeUnit.NANOSECONDS.sleep(sleep);
            }
        }
        return acknowledged;
    }

    private Process worker(Path config, String consumer, boolean once) {
        List<String> command = new ArrayList<>(List.of(CommandJvm.JAVA));
        command.addAll(CommandJvm.OPTIONS);
        command.addAll(List.of("dev.engram.app.cli.Main", "--config", config.toString(), "worker", "--consumer", consumer));
        if (once) {
            command.add("--once");
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("worker.log").toFile()));
        builder.environment().keySet().removeIf(name -> name.startsWith("ENGRAM_"));
        try {
            Process p = builder.start();
            workers.add(p);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drains what is left with a worker of a new name (it claims what killed workers left pending). */
    private void drainRest(Path config) throws Exception {
        Thread.sleep(1_100); // past claim_idle
        Process last = worker(config, "final-" + UUID.randomUUID().toString().substring(0, 4), true);
        assertThat(last.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the final drain finishes").isTrue();
        assertThat(last.exitValue()).as("final drain; %s", workerLog()).isZero();
    }

    private String workerLog() {
        try {
            String log = Files.readString(dir.resolve("worker.log"));
            return log.length() > 4_000 ? log.substring(log.length() - 4_000) : log;
        } catch (IOException e) {
            return "(no worker log)";
        }
    }

    /** Every acknowledged id is in the long-term store exactly once, nothing else is, each agent's memory counted each once; nothing left behind. */
    private void assertExactlyOnce(EngramRuntime runtime, Set<String> acknowledged) {
        StatisticsReport stats = runtime.services().statistics().statistics(new StatisticsQuery(NS, null, null, null)).block(WAIT);
        assertThat(stats.buffer()).as("the buffer's backlog").isEqualTo(new StatisticsReport.BufferStatus(0, 0));
        Set<String> stored = new HashSet<>();
        long rows = 0;
        String cursor = null;
        do {
            var page = runtime.services().list().list(new dev.engram.application.port.in.ListTrajectoriesQuery(NS,
                    TrajectoryFilter.ALL, 1_000, cursor)).block(WAIT);
            for (var t : page.items()) {
                stored.add(t.trajectoryId());
                rows++;
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        Set<String> missing = new HashSet<>(acknowledged);
        missing.removeAll(stored);
        assertThat(missing).as("acknowledged and not in %s (%s)", longTermStoreName(), workerLog()).isEmpty();
        assertThat(rows).as("rows in %s", longTermStoreName()).isEqualTo(acknowledged.size());
        assertThat(stored).isEqualTo(acknowledged);
        long episodes = 0;
        for (int a = 0; a < AGENTS; a++) {
            var memory = runtime.services().showMemory().show(NS, "agent-" + a).block(WAIT);
            episodes += memory == null ? 0 : memory.state().totalEpisodes();
        }
        assertThat(episodes).as("episodes the memories learned: each trajectory once").isEqualTo(acknowledged.size());
    }

    private static long storedOrBuffered(EngramRuntime runtime) {
        StatisticsReport stats = runtime.services().statistics().statistics(new StatisticsQuery(NS, null, null, null)).block(WAIT);
        return stats.trajectories().total() + (stats.buffer() == null ? 0 : stats.buffer().lag() + stats.buffer().pending());
    }

    private static long storedCount(EngramRuntime runtime) {
        return runtime.services().statistics().statistics(new StatisticsQuery(NS, null, null, null)).block(WAIT).trajectories().total();
    }

    private EngramRuntime start(Path config) {
        return EngramRuntime.start(new EngramRuntime.Options(config, Map.of(), Map.of(), true));
    }

    @Test
    void workersKilledWithKill9AtRandomPoints_loseNothingAcknowledged_andStoreNothingTwice() throws Exception {
        redis = RedisServers.start(RedisServers.Options.aof("everysec"));
        for (int round = 0; round < ROUNDS; round++) {
            Path data = dir.resolve("data-" + round);
            Path config = config(data, "k" + round, "everysec");
            try (EngramRuntime runtime = start(config)) {
                String prefix = "r" + round;
                ExecutorService producer = Executors.newSingleThreadExecutor();
                Future<Set<String>> acked = producer.submit(() -> produce(runtime, prefix, N, FULL ? 120 : 10));
                int kills = 0;
                int generation = 0;
                while (!acked.isDone() && storedOrBuffered(runtime) < N / 2) {
                    Thread.sleep(20); // a backlog builds up: the workers then drain full batches, and are killed in the middle of them
                }
                while ((!acked.isDone() || storedCount(runtime) < N * 3L / 4) && kills < KILLS) {
                    // the same name after some kills (it takes up its own pending), a new one after others (claimed when idle)
                    String name = "w" + (random.nextBoolean() ? generation : ++generation);
                    long before = storedCount(runtime);
                    Process w = worker(config, name, false);
                    // killed once it is at work (it stored something), at a random point of what follows
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                    while (storedCount(runtime) == before && w.isAlive() && System.nanoTime() < deadline) {
                        Thread.sleep(20);
                    }
                    Thread.sleep(random.nextInt(1_200));
                    w.destroyForcibly(); // kill -9
                    w.waitFor(30, TimeUnit.SECONDS);
                    kills++;
                }
                assertThat(storedCount(runtime)).as("the killed workers did store things").isPositive();
                Set<String> acknowledged = acked.get();
                producer.shutdown();
                drainRest(config);
                assertThat(kills).as("workers killed mid-run").isPositive();
                assertExactlyOnce(runtime, acknowledged);
                System.out.printf("faults: round %d: %d recorded, %d workers killed with kill -9, all in %s once%n", round, N, kills,
                        longTermStoreName());
            }
        }
    }

    @Test
    void aGracefulRedisRestartMidRun_losesNothingAcknowledged() throws Exception {
        redis = RedisServers.start(RedisServers.Options.aof("everysec"));
        Path data = dir.resolve("data");
        Path config = config(data, "g", "everysec");
        try (EngramRuntime runtime = start(config)) {
            ExecutorService producer = Executors.newSingleThreadExecutor();
            Future<Set<String>> acked = producer.submit(() -> produce(runtime, "g", N, FULL ? 60 : 8));
            Process w = worker(config, "steady", false);
            Thread.sleep(3_000);
            redis.restart(); // SHUTDOWN writes the AOF out; the same port and directory reload it
            Set<String> acknowledged = acked.get();
            producer.shutdown();
            w.destroy(); // SIGTERM: the worker finishes the batch in hand and exits
            assertThat(w.waitFor(60, TimeUnit.SECONDS)).as("the worker stops on SIGTERM").isTrue();
            drainRest(config);
            assertExactlyOnce(runtime, acknowledged);
            var m = runtime.services().bufferMetrics().snapshot();
            assertThat(m.appended()).as("the buffer took records").isPositive();
            System.out.printf("faults: graceful restart: %d recorded (%d through Redis, %d straight to %s while it restarted), all in %s once%n",
                    N, m.appended(), m.fellBack(), longTermStoreName(), longTermStoreName());
        }
    }

    @Test
    void redisKilledWithAppendfsyncAlways_losesNothingAcknowledged() throws Exception {
        redis = RedisServers.start(RedisServers.Options.aof("always"));
        Path config = config(dir.resolve("data"), "a", "always");
        try (EngramRuntime runtime = start(config)) {
            ExecutorService producer = Executors.newSingleThreadExecutor();
            Future<Set<String>> acked = producer.submit(() -> produce(runtime, "a", N, FULL ? 30 : 5));
            Thread.sleep(1_500 + random.nextInt(2_000));
            redis.kill(); // kill -9 mid-run: the records after it fall back to the long-term store
            Thread.sleep(500);
            redis.restart();
            Set<String> acknowledged = acked.get();
            producer.shutdown();
            var m = runtime.services().bufferMetrics().snapshot();
            assertThat(m.appended()).as("records in Redis before the kill").isPositive();
            assertThat(m.fellBack()).as("records straight to %s while Redis was down", longTermStoreName()).isPositive();
            drainRest(config);
            assertExactlyOnce(runtime, acknowledged);
            System.out.printf("faults: kill -9 of Redis (appendfsync always): %d recorded (%d acknowledged by Redis, %d fell back), none lost%n",
                    N, m.appended(), m.fellBack());
        }
    }

    /**
     * {@code appendfsync everysec}: Redis killed with {@code kill -9} while records pour in as fast as they can. What is
     * lost must be at most about the last second before the kill; the test measures it (a kill of the process leaves
     * the kernel's page cache, so usually nothing is lost; a machine crash is what everysec risks).
     */
    @Test
    void redisKilledWithAppendfsyncEverysec_losesAtMostAboutTheLastSecond_measured() throws Exception {
        redis = RedisServers.start(RedisServers.Options.aof("everysec"));
        Path config = config(dir.resolve("data"), "e", "everysec");
        try (EngramRuntime runtime = start(config)) {
            Map<String, Long> acked = new ConcurrentHashMap<>();
            ExecutorService producer = Executors.newSingleThreadExecutor();
            Future<?> done = producer.submit(() -> produce(runtime, "e", N, 0, acked));
            while (acked.size() < N / 3 && !done.isDone()) {
                Thread.sleep(5);
            }
            long killedAt = System.nanoTime();
            redis.kill();
            Thread.sleep(300);
            redis.restart();
            done.get();
            producer.shutdown();
            drainRest(config);
            Set<String> stored = new HashSet<>();
            String cursor = null;
            do {
                var page = runtime.services().list().list(new dev.engram.application.port.in.ListTrajectoriesQuery(NS,
                        TrajectoryFilter.ALL, 1_000, cursor)).block(WAIT);
                page.items().forEach(t -> stored.add(t.trajectoryId()));
                cursor = page.nextCursor();
            } while (cursor != null);
            long lost = 0;
            long oldestLostBeforeKill = 0;
            for (Map.Entry<String, Long> a : acked.entrySet()) {
                if (!stored.contains(a.getKey())) {
                    lost++;
                    oldestLostBeforeKill = Math.max(oldestLostBeforeKill, killedAt - a.getValue());
                }
            }
            System.out.printf("faults: kill -9 of Redis (appendfsync everysec): %d acknowledged, %d lost, the oldest lost acknowledged %.0f ms before the kill%n",
                    acked.size(), lost, oldestLostBeforeKill / 1e6);
            assertThat(oldestLostBeforeKill).as("only about the last second may be lost").isLessThan(TimeUnit.MILLISECONDS.toNanos(2_500));
        }
    }
}
