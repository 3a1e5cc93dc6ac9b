package dev.engram.benchmarks.replay;

import dev.engram.domain.replay.ReplayIndex;
import dev.engram.domain.replay.ReplayRandom;
import dev.engram.domain.replay.ReplayStrategy;
import dev.engram.domain.replay.SampleRequest;
import dev.engram.domain.replay.SumTree;
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
 * The cost of one priority update at n items: a bare sum-tree update, and a learner's update through the index (id
 * lookup, the maximum-priority tournament, and the α = 0.6 trees of all items and of the item's outcome, agent, task
 * and domain lists, all built beforehand).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PriorityUpdateBenchmark {

    @Param({"1000", "10000", "100000", "1000000"})
    public int n;

    private SumTree tree;
    private ReplayIndex index;
    private String[] ids;
    private RandomGenerator random;

    @Setup
    public void setUp() {
        random = ReplayRandom.seeded(3);
        index = BenchmarkItems.index(n, random);
        tree = new SumTree(n);
        ids = new String[n];
        for (int i = 0; i < n; i++) {
            tree.set(i, random.nextDouble());
            ids[i] = BenchmarkItems.id(i);
        }
        SampleRequest request = SampleRequest.of(1, ReplayStrategy.PRIORITIZED);
        index.sample(request, random);
        index.sample(request.withFilter(request.filter().withAgent("agent-1")), random);
        index.sample(request.withFilter(request.filter().withTask("task-1")), random);
        index.sample(request.withFilter(request.filter().withDomain("code")), random);
        index.sample(request.withFilter(request.filter().withOutcome(dev.engram.domain.trajectory.Outcome.SUCCESS)),
                random);
    }

    @Benchmark
    public SumTree sumTreeUpdate() {
        tree.set(random.nextInt(n), random.nextDouble());
        return tree;
    }

    @Benchmark
    public boolean indexUpdatePriority() {
        return index.updatePriority(ids[random.nextInt(n)], random.nextDouble() * 5);
    }
}
