package dev.engram.app.cli.input;

import dev.engram.application.config.Durations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** DURATION as INTERFACES.md writes it: a number and a unit, {@code s}, {@code m} (minutes), {@code h}, {@code d}, {@code w}. */
public final class DurationArgument implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String text) {
        Duration duration = Durations.parse(text).orElseThrow(() -> new TypeConversionException(
                "not a duration: '" + text + "' (write a number and a unit: 30s, 15m, 12h, 7d, 2w)"));
        if (duration.isZero()) {
            throw new TypeConversionException("a duration must be more than zero, got '" + text + "'");
        }
        return duration;
    }

    /** The shortest way to write a duration back ({@code 7d}, {@code 90m}). */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        long[] units = {7 * 86_400_000L, 86_400_000L, 3_600_000L, 60_000L, 1_000L};
        String[] names = {"w", "d", "h", "m", "s"};
        for (int i = 0; i < units.length; i++) {
            if (millis >= units[i] && millis % units[i] == 0) {
                return millis / units[i] + names[i];
            }
        }
        return duration.toMillis() + "ms";
    }
}
