package dev.engram.domain.stats;

import dev.engram.domain.error.DomainException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** The width of a bucket in a statistics time series ({@code stats --by day|hour}); buckets start on UTC boundaries. */
public enum TimeBucket {
    HOUR(ChronoUnit.HOURS),
    DAY(ChronoUnit.DAYS);

    private final ChronoUnit unit;

    TimeBucket(ChronoUnit unit) {
        this.unit = unit;
    }

    /** The start of the bucket that holds the instant. */
    public Instant start(Instant instant) {
        return instant.truncatedTo(unit);
    }

    public static TimeBucket parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalidArgument("by", "must be day or hour, got '" + text + "'");
        }
    }
}
