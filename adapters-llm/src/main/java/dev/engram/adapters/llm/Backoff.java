package dev.engram.adapters.llm;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * The wait before a retry: exponential from the first delay, capped, with "equal jitter" (a random point in the
 * upper half) so that several processes retrying together spread out, yet never retry at once. A server's
 * {@code Retry-After} is honoured as a lower bound; when it asks for longer than the cap, waiting is pointless
 * within one consolidation and the caller gives up instead.
 */
final class Backoff {
    private final Duration first;
    private final Duration cap;
    private final DoubleSupplier random;

    Backoff(Duration first, Duration cap, DoubleSupplier random) {
        this.first = first;
        this.cap = cap;
        this.random = random;
    }

    /** The wait before retry number {@code retry} (1 for the first); empty when the server asks for too long. */
    java.util.Optional<Duration> delay(int retry, Duration retryAfter) {
        if (retryAfter != null && retryAfter.compareTo(cap) > 0) {
            return java.util.Optional.empty();
        }
        long exponential = first.toMillis() << Math.min(retry - 1, 20);
        long capped = Math.min(Math.max(exponential, 1), cap.toMillis());
        long jittered = capped / 2 + Math.round(random.getAsDouble() * (capped - capped / 2));
        long wait = retryAfter == null ? jittered : Math.max(jittered, retryAfter.toMillis());
        return java.util.Optional.of(Duration.ofMillis(wait));
    }
}
