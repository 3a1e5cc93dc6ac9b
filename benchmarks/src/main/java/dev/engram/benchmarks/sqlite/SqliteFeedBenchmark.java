package dev.engram.benchmarks.sqlite;

import dev.engram.adapters.sqlite.SqliteConfig;
import dev.engram.application.port.out.Change;
import dev.engram.application.port.out.TrajectoryStore;
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
 * Reading the change feed the replay index catches up from, at 10^5 trajectories (~2 KB each): the whole feed in
 * pages with {@code changesSince}; scores are changes per second.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class SqliteFeedBenchmark {
    private static final String NS = "bench";
    static final int ROWS = 100_000;

    @Param({"100", "1000"})
    public int pageSize;

    private Path folder;
    private TrajectoryStore store;

    @Setup(Level.Trial)
    public void fill() {
        folder = BenchmarkFiles.newFolder();
        SqliteConfig config = SqliteConfig.defaults(folder);
        store = BenchmarkFiles.open(config);
        BenchmarkFiles.fill(store, NS, ROWS, config.path());
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        BenchmarkFiles.close(store);
        BenchmarkFiles.remove(folder);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OperationsPerInvocation(ROWS)
    public long readWholeFeed() {
        long after = 0;
        long read = 0;
        while (true) {
            List<Change> page = store.changesSince(NS, after, pageSize).collectList().block();
            read += page.size();
            if (page.size() < pageSize) {
                return read;
            }
            after = page.get(page.size() - 1).sequence();
        }
    }
}
