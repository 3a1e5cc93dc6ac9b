package dev.engram.adapters.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Retry-After as servers send it, and the backoff that honours it. */
class RetryTimingTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void retryAfterInSecondsFractionsOrAnHttpDate() {
        assertThat(RetryAfter.parse("7", NOW)).contains(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse("1.2", NOW)).contains(Duration.ofMillis(1200));
        assertThat(RetryAfter.parse("Mon, 23 Nov 2026 12:00:30 GMT", NOW)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Mon, 23 Nov 2026 11:00:00 GMT", NOW)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
    }

    @Test
    void backoffDoublesWithinTheCap_jitteredInTheUpperHalf() {
        Backoff lowest = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 0.0);
        Backoff highest = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 1.0);

        assertThat(lowest.delay(1, null)).contains(Duration.ofMillis(50));
        assertThat(highest.delay(1, null)).contains(Duration.ofMillis(100));
        assertThat(highest.delay(3, null)).contains(Duration.ofMillis(400));
        assertThat(highest.delay(10, null)).contains(Duration.ofSeconds(1));
    }

    @Test
    void retryAfterIsALowerBound_andBeyondTheCapMeansGivingUp() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), () -> 0.5);

        assertThat(backoff.delay(1, Duration.ofSeconds(2))).contains(Duration.ofSeconds(2));
        assertThat(backoff.delay(1, Duration.ofSeconds(6))).isEmpty();
    }
}
