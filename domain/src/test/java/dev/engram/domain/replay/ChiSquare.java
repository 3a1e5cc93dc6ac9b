package dev.engram.domain.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

/**
 * Pearson's chi-square goodness-of-fit test of observed draw counts against the probabilities they should follow.
 * The critical value at the 0.999 quantile comes from the Wilson–Hilferty approximation,
 * χ²_p(k) ≈ k (1 − 2/(9k) + z_p √(2/(9k)))³, within 1 % of the exact quantile for k ≥ 10 (checked in ChiSquareTest);
 * with the seed fixed each test is deterministic, and a correct sampler passes it for 999 seeds in 1000.
 */
final class ChiSquare {

    /** The standard normal quantile at 0.999. */
    static final double Z_999 = 3.090232306167813;

    private ChiSquare() {
    }

    static double criticalValue999(int degreesOfFreedom) {
        double k = degreesOfFreedom;
        double h = 2 / (9 * k);
        return k * Math.pow(1 - h + Z_999 * Math.sqrt(h), 3);
    }

    static double statistic(Map<String, Long> observed, Map<String, Double> probabilities, long draws) {
        double statistic = 0;
        for (Map.Entry<String, Double> cell : probabilities.entrySet()) {
            double expected = cell.getValue() * draws;
            double difference = observed.getOrDefault(cell.getKey(), 0L) - expected;
            statistic += difference * difference / expected;
        }
        return statistic;
    }

    /** Asserts the counts fit the probabilities: no unexpected id, expected counts ≥ 5, statistic below χ²_0.999. */
    static void assertFits(Map<String, Long> observed, Map<String, Double> probabilities) {
        long draws = observed.values().stream().mapToLong(Long::longValue).sum();
        assertThat(probabilities.keySet()).containsAll(observed.keySet());
        assertThat(probabilities.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(probabilities.values().stream().mapToDouble(p -> p * draws).min().orElseThrow())
                .as("smallest expected count").isGreaterThanOrEqualTo(5.0);
        int degreesOfFreedom = probabilities.size() - 1;
        assertThat(statistic(observed, probabilities, draws))
                .as("chi-square statistic with %d degrees of freedom", degreesOfFreedom)
                .isLessThan(criticalValue999(degreesOfFreedom));
    }
}
