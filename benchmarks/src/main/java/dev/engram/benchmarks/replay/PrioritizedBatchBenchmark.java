package dev.engram.benchmarks.replay;

import dev.engram.domain.replay.ReplayDraw;
import dev.engram.domain.replay.ReplayIndex;
import dev.engram.domain.replay.ReplayRandom;
import dev.engram.domain.replay.ReplayStrategy;
import dev.engram.domain.replay.SampleRequest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A prioritized batch of 256 draws (α = 0.6, with replacement, as PER samples) from n items: the index (sum trees,
 * probabilities and IS weights included) against the seed's linear sampler on the same priorities.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PrioritizedBatchBenchmark {

    private static final int BATCH = 256;
    private static final double ALPHA = 0.6;

    @Param({"1000", "10000", "100000", "1000000"})
    public int n;

    private ReplayIndex index;
    private double[] priorities;
    private SampleRequest request;
    private RandomGenerator random;

    @Setup
    public void setUp() {
        index = BenchmarkItems.index(n, ReplayRandom.seeded(1));
        priorities = BenchmarkItems.priorities(index);
        request = SampleRequest.of(BATCH, ReplayStrategy.PRIORITIZED).withAlpha(ALPHA).withReplacement(true);
        random = ReplayRandom.seeded(2);
        index.sample(request, random); // the weighting's tree is built once, as in a running index
    }

    @Benchmark
    public List<ReplayDraw> sumTreeIndex() {
        return index.sample(request, random);
    }

    @Benchmark
    public int[] linearScan() {
        return LinearPrioritizedSampler.sample(priorities, ALPHA, BATCH, random);
    }
}
