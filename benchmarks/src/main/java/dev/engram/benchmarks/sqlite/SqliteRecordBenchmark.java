package dev.engram.benchmarks.sqlite;

import dev.engram.adapters.sqlite.SqliteConfig;
import dev.engram.application.port.out.TrajectoryStore;
import dev.engram.application.port.out.UpsertOutcome;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Recording ~2 KB trajectories: one per commit against batches of 100 and 1000 per commit, with SQLite's
 * {@code synchronous} at FULL (the default: a commit syncs the log) and NORMAL (syncs at checkpoints only).
 * Scores are trajectories per second. Each trial starts from an empty file.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class SqliteRecordBenchmark {
    private static final String NS = "bench";

    @Param({"FULL", "NORMAL"})
    public String synchronous;

    private Path folder;
    private TrajectoryStore store;
    private long next;

    @Setup(Level.Trial)
    public void open() {
        folder = BenchmarkFiles.newFolder();
        store = BenchmarkFiles.open(SqliteConfig.defaults(folder).withSynchronous(SqliteConfig.Synchronous.valueOf(synchronous)));
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        BenchmarkFiles.close(store);
        BenchmarkFiles.remove(folder);
    }

    private List<UpsertOutcome> record(int size) {
        List<UpsertOutcome> outcomes = store.upsert(NS, BenchmarkTrajectories.batch(next, size), false).block();
        next += size;
        return outcomes;
    }

    @Benchmark
    public List<UpsertOutcome> oneByOne() {
        return record(1);
    }

    @Benchmark
    @OperationsPerInvocation(100)
    public List<UpsertOutcome> batchesOf100() {
        return record(100);
    }

    @Benchmark
    @OperationsPerInvocation(1000)
    public List<UpsertOutcome> batchesOf1000() {
        return record(1000);
    }
}
