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
        long seconds = duration.toSeconds();
        long[] units = {7 * 86_400, 86_400, 3_600, 60, 1};
        String[] names = {"w", "d", "h", "m", "s"};
        for (int i = 0; i < units.length; i++) {
            if (seconds >= units[i] && seconds % units[i] == 0) {
                return seconds / units[i] + names[i];
            }
        }
        return duration.toMillis() + "ms";
    }
}
