package dev.engram.domain.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ChiSquareTest {

    @Test
    void wilsonHilfertyIsWithinOnePercentOfTheTabulatedQuantiles() {
        // exact 0.999 quantiles of the chi-square distribution (NIST/SEMATECH table)
        Map<Integer, Double> table = Map.of(10, 29.588, 20, 45.315, 30, 59.703, 50, 86.661, 100, 149.449);
        table.forEach((df, exact) -> assertThat(ChiSquare.criticalValue999(df)).isCloseTo(exact, withPercentage(1)));
    }

    @Test
    void statisticIsPearsons() {
        double statistic = ChiSquare.statistic(Map.of("a", 30L, "b", 70L), Map.of("a", 0.25, "b", 0.75), 100);
        assertThat(statistic).isCloseTo(25.0 / 25 + 25.0 / 75, withPercentage(1e-9));
    }
}
