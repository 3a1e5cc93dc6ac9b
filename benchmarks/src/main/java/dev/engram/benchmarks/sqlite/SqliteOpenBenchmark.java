package dev.engram.benchmarks.sqlite;

import dev.engram.adapters.sqlite.SqliteConfig;
import dev.engram.application.port.out.TrajectoryStore;
import java.nio.file.Path;
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
 * What opening a file of 10^5 trajectories costs a one-shot command (open, one read, close), with and without
 * {@code quick_check}, which reads the whole file to find corruption before anything is written.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class SqliteOpenBenchmark {
    private static final String NS = "bench";

    @Param({"true", "false"})
    public boolean quickCheck;

    private Path folder;
    private SqliteConfig config;

    @Setup(Level.Trial)
    public void fill() throws Exception {
        folder = BenchmarkFiles.newFolder();
        SqliteConfig defaults = SqliteConfig.defaults(folder);
        TrajectoryStore store = BenchmarkFiles.open(defaults);
        BenchmarkFiles.fill(store, NS, SqliteFeedBenchmark.ROWS, defaults.path());
        BenchmarkFiles.close(store);
        config = new SqliteConfig(defaults.path(), defaults.busyTimeout(), defaults.readPoolSize(), defaults.synchronous(), quickCheck, Long.MAX_VALUE);
    }

    @TearDown(Level.Trial)
    public void remove() throws Exception {
        BenchmarkFiles.remove(folder);
    }

    @Benchmark
    public long openReadClose() throws Exception {
        TrajectoryStore store = BenchmarkFiles.open(config);
        long last = store.lastSequence(NS).block();
        BenchmarkFiles.close(store);
        return last;
    }
}
