package dev.engram.app.cli.text;

import java.util.Locale;

/** Numbers as tables show them: fixed decimals, a dash for none. */
public final class Numbers {
    private Numbers() {
    }

    public static String fixed(Double value, int decimals) {
        return value == null ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }

    /** Probabilities span many orders of magnitude: small ones in scientific notation. */
    public static String probability(double p) {
        return p >= 0.001 || p == 0 ? String.format(Locale.ROOT, "%.4f", p) : String.format(Locale.ROOT, "%.2e", p);
    }
}
