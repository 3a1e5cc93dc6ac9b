package dev.engram.domain.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.domain.error.DomainException;
import java.math.BigDecimal;
import java.util.random.RandomGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SumTreeTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 15, 16, 17, 255, 256, 257, 4097, 70_000})
    void findAgreesWithALinearCumulativeScan(int size) {
        RandomGenerator random = ReplayRandom.seeded(size);
        double[] weights = new double[size];
        for (int i = 0; i < size; i++) {
            weights[i] = i % 7 == 3 ? 0 : random.nextDouble() * 10;
        }
        weights[size - 1] = 1; // at least one positive weight
        SumTree tree = SumTree.of(weights, size);
        for (int draw = 0; draw < 2000; draw++) {
            double target = random.nextDouble() * tree.total();
            int expected = linearFind(weights, target);
            int found = tree.find(target);
            // the tree groups its additions differently from the scan: they may disagree only on a boundary
            if (found != expected) {
                assertThat(Math.abs(prefix(weights, Math.min(found, expected)) - target))
                        .isLessThan(1e-9 * tree.total());
            }
            assertThat(weights[found]).isPositive();
        }
    }

    @Test
    void batchFindGivesWhatSingleFindsGive() {
        RandomGenerator random = ReplayRandom.seeded(7);
        double[] weights = random.doubles(100_000, 0, 5).toArray();
        SumTree tree = SumTree.of(weights, weights.length);
        double[] targets = random.doubles(256, 0, tree.total()).toArray();
        int[] expected = new int[targets.length];
        for (int i = 0; i < targets.length; i++) {
            expected[i] = tree.find(targets[i]);
        }
        int[] found = new int[targets.length];
        tree.findAll(targets.clone(), targets.length, found);
        assertThat(found).containsExactly(expected);
    }

    @Test
    void aTargetRoundedUpToTheTotalPicksTheLastPositiveWeight() {
        SumTree tree = SumTree.of(new double[] {1, 2, 3, 0, 0}, 5);
        assertThat(tree.find(tree.total())).isEqualTo(2);
        assertThat(tree.find(Math.nextDown(tree.total()))).isEqualTo(2);
        assertThat(tree.find(0)).isEqualTo(0);
        assertThat(tree.find(1)).isEqualTo(1);
    }

    @Test
    void zeroWeightsAreNeverFoundAndNotTheLeast() {
        SumTree tree = new SumTree(4);
        assertThat(tree.minPositive()).isEqualTo(Double.POSITIVE_INFINITY);
        tree.set(0, 0);
        tree.set(1, 4);
        tree.set(2, 0);
        tree.set(3, 2);
        assertThat(tree.minPositive()).isEqualTo(2);
        assertThat(tree.total()).isEqualTo(6);
        assertThat(tree.find(3.999)).isEqualTo(1);
        assertThat(tree.find(4)).isEqualTo(3);
        tree.set(3, 0);
        assertThat(tree.minPositive()).isEqualTo(4);
    }

    @Test
    void growsPastItsCapacityKeepingEveryWeight() {
        SumTree tree = new SumTree(1);
        for (int i = 0; i < 5000; i++) {
            tree.set(i, i + 1);
        }
        assertThat(tree.size()).isEqualTo(5000);
        assertThat(tree.total()).isEqualTo(5000.0 * 5001 / 2);
        assertThat(tree.weight(4321)).isEqualTo(4322);
        assertThat(tree.minPositive()).isEqualTo(1);
    }

    /**
     * The drift test: a million random updates, then the root against (a) a fresh build of the same weights — equal
     * to the bit, because every update recomputes its path from the raw values — and (b) the exact sum in decimal
     * arithmetic, within a relative 1e-12 (the bound for the tree's blocked summation of 2^17 terms is
     * 76·2^-53 ≈ 1e-14).
     */
    @Test
    void aMillionUpdatesLeaveNoDrift() {
        int size = 1 << 17;
        RandomGenerator random = ReplayRandom.seeded(2026);
        double[] weights = new double[size];
        SumTree tree = new SumTree(size);
        for (int i = 0; i < size; i++) {
            weights[i] = random.nextDouble();
            tree.set(i, weights[i]);
        }
        for (int update = 0; update < 1_000_000; update++) {
            int position = random.nextInt(size);
            // mix scales so that a delta-updated tree would lose low-order bits
            weights[position] = random.nextDouble() * (update % 3 == 0 ? 1e6 : 1e-3);
            tree.set(position, weights[position]);
        }
        BigDecimal exact = BigDecimal.ZERO;
        for (double weight : weights) {
            exact = exact.add(new BigDecimal(weight));
        }
        assertThat(tree.total()).isEqualTo(SumTree.of(weights, size).total());
        double error = Math.abs(new BigDecimal(tree.total()).subtract(exact).doubleValue());
        double relativeError = error / exact.doubleValue();
        assertThat(relativeError).isLessThan(1e-12);
    }

    @Test
    void badArgumentsNameTheirField() {
        SumTree tree = SumTree.of(new double[] {1, 2}, 2);
        assertField(() -> tree.set(-1, 1), "position");
        assertField(() -> tree.set(0, -1), "weight");
        assertField(() -> tree.set(0, Double.NaN), "weight");
        assertField(() -> tree.set(0, Double.POSITIVE_INFINITY), "weight");
        assertField(() -> tree.weight(2), "position");
        assertField(() -> tree.find(-0.5), "target");
        assertField(() -> tree.find(Double.NaN), "target");
        assertField(() -> new SumTree(0).find(0), "target");
        assertField(() -> new SumTree(-1), "capacity");
        assertField(() -> SumTree.of(null, 0), "weights");
        assertField(() -> SumTree.of(new double[] {1}, 2), "count");
        assertField(() -> SumTree.of(new double[] {-1}, 1), "weight");
        assertField(() -> tree.findAll(new double[1], 2, new int[2]), "count");
    }

    private static void assertField(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    private static int linearFind(double[] weights, double target) {
        double cumulative = 0;
        int last = 0;
        for (int i = 0; i < weights.length; i++) {
            cumulative += weights[i];
            if (weights[i] > 0) {
                last = i;
                if (cumulative > target) {
                    return i;
                }
            }
        }
        return last;
    }

    private static double prefix(double[] weights, int through) {
        double sum = 0;
        for (int i = 0; i <= through; i++) {
            sum += weights[i];
        }
        return sum;
    }
}
