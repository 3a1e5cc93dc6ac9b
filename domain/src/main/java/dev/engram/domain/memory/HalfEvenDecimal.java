package dev.engram.domain.memory;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Decimal rounding as the seed's Python prints it. Python's {@code f"{x:.2f}"} and {@code round(x, 3)} round the
 * exact binary value of the double half-to-even, so 0.125 prints {@code 0.12} and 0.845 (just below the half in
 * binary) prints {@code 0.84}; {@code String.format} rounds the shortest decimal form half-up and would print
 * {@code 0.13} and {@code 0.85}.
 */
final class HalfEvenDecimal {
    private HalfEvenDecimal() {
    }

    /** Python's {@code f"{value:.{digits}f}"}. */
    static String format(double value, int digits) {
        return exact(value, digits).toPlainString();
    }

    /** Python's {@code round(value, digits)}: the double nearest to the correctly rounded decimal. */
    static double round(double value, int digits) {
        return exact(value, digits).doubleValue();
    }

    private static BigDecimal exact(double value, int digits) {
        return new BigDecimal(value).setScale(digits, RoundingMode.HALF_EVEN);
    }
}
