package dev.engram.app.cli.input;

import dev.engram.application.config.Durations;
import dev.engram.domain.trajectory.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * TIME as INTERFACES.md writes it: an ISO-8601 time ({@code 2026-11-20T10:00:00Z}; without an offset it is UTC), or a
 * DURATION meaning that long ago ({@code 7d}).
 */
public final class TimeArgument implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String text) {
        return parse(text, Instant.now()).orElseThrow(() -> new TypeConversionException(
                "not an ISO-8601 time (2026-11-20T10:00:00Z) or a duration ago (30s, 15m, 12h, 7d, 2w): '" + text + "'"));
    }

    static Optional<Instant> parse(String text, Instant now) {
        Optional<Instant> time = Timestamps.parse(text);
        if (time.isPresent()) {
            return time;
        }
        Optional<Duration> ago = Durations.parse(text);
        return ago.map(now::minus);
    }
}
