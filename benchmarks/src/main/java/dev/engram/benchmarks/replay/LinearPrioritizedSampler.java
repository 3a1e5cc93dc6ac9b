package dev.engram.benchmarks.replay;

import java.util.random.RandomGenerator;

/**
 * The baseline: the prioritized sampler seed 001 describes ({@code sample_by_priority(&weights, count)}), written
 * faithfully. Every call recomputes each item's weight priority^α, then draws each of the {@code count} items by a
 * scan of the cumulative weights — O(n) to weight plus O(n) per draw.
 */
final class LinearPrioritizedSampler {

    private LinearPrioritizedSampler() {
    }

    static int[] sample(double[] priorities, double alpha, int count, RandomGenerator random) {
        double[] weights = new double[priorities.length];
        double total = 0;
        for (int i = 0; i < priorities.length; i++) {
            weights[i] = Math.pow(priorities[i], alpha);
            total += weights[i];
        }
        int[] drawn = new int[count];
        for (int draw = 0; draw < count; draw++) {
            double target = random.nextDouble() * total;
            double cumulative = 0;
            int chosen = weights.length - 1;
            for (int i = 0; i < weights.length; i++) {
                cumulative += weights[i];
                if (cumulative > target) {
                    chosen = i;
                    break;
                }
            }
            drawn[draw] = chosen;
        }
        return drawn;
    }
}
