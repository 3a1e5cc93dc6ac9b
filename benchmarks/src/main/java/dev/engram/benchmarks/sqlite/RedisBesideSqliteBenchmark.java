package dev.engram.benchmarks.sqlite;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.engram.adapters.redis.RedisConfig;
import dev.engram.adapters.redis.RedisHotTierModule;
import dev.engram.adapters.redis.RedisModule;
import dev.engram.adapters.redis.harness.RedisServer;
import dev.engram.adapters.redis.harness.RedisServers;
import dev.engram.adapters.sqlite.SqliteConfig;
import dev.engram.application.port.out.HotTier;
import dev.engram.application.port.out.TrajectoryStore;
import dev.engram.application.port.out.UpsertOutcome;
import dev.engram.application.query.TrajectoryFilter;
import dev.engram.application.query.TrajectoryPage;
import dev.engram.application.query.TrajectoryQuery;
import dev.engram.domain.trajectory.Trajectory;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The redis plugin beside the SQLite default, in one run, with a {@code redis-server} the benchmark starts on a
 * free loopback port (AOF on, {@code appendfsync} as the parameter says; SQLite at its default
 * {@code synchronous=FULL}). Both are used through their public modules, as engram uses them. Scores are sampled
 * times (JMH reports percentiles; the medians are what docs/benchmarks.md compares):
 *
 * <ul>
 *   <li>{@code upsert1000*}: storing a batch of 1000 new ~2 KB trajectories (one invocation), the stores emptied
 *       before every iteration;</li>
 *   <li>{@code recent*}: the most recent trajectory of one agent among 10,000 (four agents): the hot tier's
 *       {@code recent(agent, 1)} against SQLite's {@code query(agent, newest first, limit 1)}.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class RedisBesideSqliteBenchmark {
    private static final String NS = "bench";
    private static final int FILLED = 10_000;
    private static final String AGENT = "builder";

    @Param({"everysec", "always"})
    public String appendfsync;

    private RedisServer redis;
    private TrajectoryStore redisStore;
    private HotTier hot;
    private Path folder;
    private TrajectoryStore sqlite;
    private Path readFolder;
    private TrajectoryStore sqliteRead;
    private long next;

    @Setup(Level.Trial)
    public void start() {
        redis = RedisServers.start(RedisServers.Options.aof(appendfsync));
        RedisConfig config = RedisConfig.of(redis.uri());
        redisStore = Guice.createInjector(new RedisModule(config)).getInstance(TrajectoryStore.class);
        hot = Guice.createInjector(new RedisHotTierModule(config)).getInstance(Key.get(new TypeLiteral<Optional<HotTier>>() { })).orElseThrow();
        // the read side: the same 10,000 trajectories in a SQLite file and in the hot tier (as the tiered store puts them)
        readFolder = BenchmarkFiles.newFolder();
        sqliteRead = BenchmarkFiles.open(SqliteConfig.defaults(readFolder));
        for (int first = 0; first < FILLED; first += 1_000) {
            List<Trajectory> batch = BenchmarkTrajectories.batch(first, 1_000);
            sqliteRead.upsert("read", batch, false).block();
            hot.put("read", batch).block();
        }
        next = FILLED;
    }

    @Setup(Level.Iteration)
    public void emptyWriteStores() throws Exception {
        // each iteration writes into empty stores, so that no run pays for a larger store than another
        redisStore.deleteOlderThan(NS, java.time.Instant.MAX).block();
        if (sqlite != null) {
            BenchmarkFiles.close(sqlite);
            BenchmarkFiles.remove(folder);
        }
        folder = BenchmarkFiles.newFolder();
        sqlite = BenchmarkFiles.open(SqliteConfig.defaults(folder));
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        BenchmarkFiles.close(sqlite);
        BenchmarkFiles.remove(folder);
        BenchmarkFiles.close(sqliteRead);
        BenchmarkFiles.remove(readFolder);
        ((AutoCloseable) redisStore).close();
        ((AutoCloseable) hot).close();
        redis.close();
    }

    private List<Trajectory> fresh() {
        List<Trajectory> batch = BenchmarkTrajectories.batch(next, 1_000);
        next += 1_000;
        return batch;
    }

    @Benchmark
    public List<UpsertOutcome> upsert1000Redis() {
        return redisStore.upsert(NS, fresh(), false).block();
    }

    @Benchmark
    public List<UpsertOutcome> upsert1000Sqlite() {
        return sqlite.upsert(NS, fresh(), false).block();
    }

    @Benchmark
    public Trajectory recentFromHotTier() {
        return hot.recent("read", AGENT, 1).blockLast();
    }

    @Benchmark
    public TrajectoryPage recentFromSqlite() {
        return sqliteRead.query("read", new TrajectoryQuery(TrajectoryFilter.agent(AGENT), TrajectoryQuery.Order.NEWEST_FIRST, 1, null)).block();
    }
}
