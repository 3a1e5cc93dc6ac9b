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
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One prioritized draw — choose a position and its probability — against one uniform draw: a random index and a read
 * of that item's stored priority. Both use the same generator. Also shown: the textbook binary sum tree the index's
 * layout replaces, the per-draw cost inside a batch of 256 (level-by-level walk) and a one-item sample through the
 * whole index.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SingleDrawBenchmark {

    private static final int BATCH = 256;

    @Param({"1000000"})
    public int n;

    private double[] priorities;
    private SumTree tree;
    private BinarySumTree binaryTree;
    private ReplayIndex index;
    private SampleRequest oneDraw;
    private RandomGenerator random;
    private final double[] targets = new double[BATCH];
    private final int[] positions = new int[BATCH];

    @Setup
    public void setUp() {
        index = BenchmarkItems.index(n, ReplayRandom.seeded(1));
        priorities = BenchmarkItems.priorities(index);
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            weights[i] = Math.pow(priorities[i], 0.6);
        }
        tree = SumTree.of(weights, n);
        binaryTree = new BinarySumTree(weights);
        oneDraw = SampleRequest.of(1, ReplayStrategy.PRIORITIZED).withReplacement(true);
        random = ReplayRandom.seeded(2);
        index.sample(oneDraw, random);
    }

    @Benchmark
    public double uniformDraw() {
        return priorities[random.nextInt(n)];
    }

    @Benchmark
    public void prioritizedDraw(Blackhole out) {
        double total = tree.total();
        int position = tree.find(random.nextDouble() * total);
        out.consume(position);
        out.consume(tree.weight(position) / total);
    }

    @Benchmark
    public void binaryTreeDraw(Blackhole out) {
        double total = binaryTree.total();
        int position = binaryTree.find(random.nextDouble() * total);
        out.consume(position);
        out.consume(binaryTree.weight(position) / total);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void prioritizedDrawInBatch(Blackhole out) {
        double total = tree.total();
        for (int i = 0; i < BATCH; i++) {
            targets[i] = random.nextDouble() * total;
        }
        tree.findAll(targets, BATCH, positions);
        for (int i = 0; i < BATCH; i++) {
            out.consume(positions[i]);
            out.consume(tree.weight(positions[i]) / total);
        }
    }

    @Benchmark
    public Object prioritizedSampleOfOneThroughTheIndex() {
        return index.sample(oneDraw, random);
    }
}
