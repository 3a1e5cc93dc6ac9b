package dev.engram.application.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as users write them (INTERFACES.md): a number and a unit, {@code ms}, {@code s}, {@code m}, {@code h}, {@code d}, {@code w}. */
public final class Durations {
    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d|w)");

    private Durations() {
    }

    public static Optional<Duration> parse(String text) {
        Matcher m = FORM.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        double amount = Double.parseDouble(m.group(1));
        long unitMillis;
        switch (m.group(2)) {
            case "ms":
                unitMillis = 1;
                break;
            case "s":
                unitMillis = 1_000;
                break;
            case "m":
                unitMillis = 60_000;
                break;
            case "h":
                unitMillis = 3_600_000;
                break;
            case "d":
                unitMillis = 86_400_000;
                break;
            default:
                unitMillis = 7 * 86_400_000L;
                break;
        }
        double millis = amount * unitMillis;
        if (millis > Long.MAX_VALUE / 2) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(Math.round(millis)));
    }
}
