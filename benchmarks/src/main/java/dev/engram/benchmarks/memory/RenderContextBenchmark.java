package dev.engram.benchmarks.memory;

import dev.engram.domain.memory.AgentMemory;
import dev.engram.domain.memory.ApproximateTokenCounter;
import dev.engram.domain.memory.MemoryContext;
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
 * Rendering the memory context of one task after {@code priorEpisodes}: with the default budget (500 tokens, the
 * approximate counter, so some lines are dropped and the text is counted again) and without a budget (the seed's
 * text as it is). Rendering changes nothing, so one history serves every invocation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RenderContextBenchmark {
    @Param({"1000", "100000"})
    public int priorEpisodes;

    private AgentMemory memory;
    private int task;

    @Setup(Level.Trial)
    public void buildHistory() {
        memory = MemoryHistory.after(priorEpisodes, new SyntheticEpisodes(42));
    }

    @Benchmark
    public MemoryContext withinDefaultBudget() {
        return memory.context(nextTask());
    }

    @Benchmark
    public MemoryContext unlimited() {
        return memory.context(nextTask(), Integer.MAX_VALUE, ApproximateTokenCounter.INSTANCE);
    }

    private String nextTask() {
        task = (task + 1) % 12;
        return "task-" + task;
    }
}
