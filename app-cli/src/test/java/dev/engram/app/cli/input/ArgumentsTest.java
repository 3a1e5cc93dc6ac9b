package dev.engram.app.cli.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** DURATION and TIME as INTERFACES.md writes them. */
class ArgumentsTest {
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    @Test
    void durationsAreANumberAndAUnit() {
        DurationArgument durations = new DurationArgument();
        assertThat(durations.convert("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(durations.convert("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(durations.convert("12h")).isEqualTo(Duration.ofHours(12));
        assertThat(durations.convert("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(durations.convert("2w")).isEqualTo(Duration.ofDays(14));
        assertThat(durations.convert("1.5h")).isEqualTo(Duration.ofMinutes(90));
        assertThatThrownBy(() -> durations.convert("soon")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("not a duration: 'soon'");
        assertThatThrownBy(() -> durations.convert("7")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> durations.convert("0d")).hasMessageContaining("more than zero");
    }

    @Test
    void durationsAreWrittenBackInTheirLargestWholeUnit() {
        assertThat(DurationArgument.format(Duration.ofDays(14))).isEqualTo("2w");
        assertThat(DurationArgument.format(Duration.ofDays(30))).isEqualTo("30d");
        assertThat(DurationArgument.format(Duration.ofMinutes(90))).isEqualTo("90m");
        assertThat(DurationArgument.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
    }

    @Test
    void aTimeIsIsoOrADurationAgo() {
        assertThat(TimeArgument.parse("2026-11-01T10:00:00Z", NOW)).contains(Instant.parse("2026-11-01T10:00:00Z"));
        assertThat(TimeArgument.parse("2026-11-01T12:00:00+02:00", NOW)).contains(Instant.parse("2026-11-01T10:00:00Z"));
        assertThat(TimeArgument.parse("2026-11-01T10:00:00", NOW)).as("no offset: UTC").contains(Instant.parse("2026-11-01T10:00:00Z"));
        assertThat(TimeArgument.parse("2026-11-01", NOW)).contains(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(TimeArgument.parse("7d", NOW)).contains(Instant.parse("2026-11-13T12:00:00Z"));
        assertThat(TimeArgument.parse("12h", NOW)).contains(Instant.parse("2026-11-20T00:00:00Z"));
        assertThat(TimeArgument.parse("yesterday", NOW)).isEmpty();
        assertThatThrownBy(() -> new TimeArgument().convert("yesterday")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("'yesterday'");
    }
}
