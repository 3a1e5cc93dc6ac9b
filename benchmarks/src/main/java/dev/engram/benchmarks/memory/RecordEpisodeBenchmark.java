package dev.engram.benchmarks.memory;

import dev.engram.domain.memory.AgentMemory;
import dev.engram.domain.memory.AgentMemoryState;
import dev.engram.domain.memory.Episode;
import dev.engram.domain.memory.MemoryPolicy;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Recording one episode into a memory that already holds {@code priorEpisodes}. Every invocation starts again from
 * the same restored history (an invocation-level setup, not timed), so the history length measured is the one
 * named and does not grow by the millions of episodes a timed iteration records. The next episode cycles through a
 * fixed set of 64 fresh ones.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RecordEpisodeBenchmark {
    @Param({"1000", "100000"})
    public int priorEpisodes;

    private AgentMemoryState history;
    private Episode[] nextEpisodes;
    private int next;
    private AgentMemory memory;

    @Setup(Level.Trial)
    public void buildHistory() {
        SyntheticEpisodes source = new SyntheticEpisodes(42);
        history = MemoryHistory.after(priorEpisodes, source).state();
        nextEpisodes = new Episode[64];
        for (int i = 0; i < nextEpisodes.length; i++) {
            nextEpisodes[i] = source.next();
        }
    }

    @Setup(Level.Invocation)
    public void restoreHistory() {
        memory = AgentMemory.restore(history, MemoryPolicy.defaults());
        next = (next + 1) % nextEpisodes.length;
    }

    @Benchmark
    public long recordEpisode() {
        memory.record(nextEpisodes[next]);
        return memory.version();
    }
}
