package dev.engram.adapters.llm;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Keeps a dead endpoint from costing a stall per consolidation: after {@code threshold} consecutive failed
 * consolidations the circuit opens, and for {@code openFor} every consolidation falls back at once without a
 * request. After that one consolidation may try again (half-open): success closes the circuit, failure opens it
 * for another period. Thread-safe.
 */
final class CircuitBreaker {
    private final int threshold;
    private final long openForNanos;
    private final LongSupplier nanoTime;

    private int consecutiveFailures;
    private long openUntil;
    private boolean open;
    private boolean trialRunning;

    CircuitBreaker(int threshold, Duration openFor, LongSupplier nanoTime) {
        this.threshold = threshold;
        this.openForNanos = openFor.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Whether a consolidation may call the endpoint now; while half-open, only the first caller may. */
    synchronized boolean tryAcquire() {
        if (!open) {
            return true;
        }
        if (nanoTime.getAsLong() - openUntil < 0 || trialRunning) {
            return false;
        }
        trialRunning = true;
        return true;
    }

    synchronized void onSuccess() {
        consecutiveFailures = 0;
        open = false;
        trialRunning = false;
    }

    synchronized void onFailure() {
        consecutiveFailures++;
        if (trialRunning || consecutiveFailures >= threshold) {
            open = true;
            openUntil = nanoTime.getAsLong() + openForNanos;
        }
        trialRunning = false;
    }

    /** A call that ended without saying anything about the endpoint (a bad answer, a cancellation). */
    synchronized void onNeutral() {
        trialRunning = false;
    }

    /** Seconds until the endpoint is tried again, for the fallback reason; 0 when closed. */
    synchronized long secondsUntilRetry() {
        if (!open) {
            return 0;
        }
        return Math.max(0, Duration.ofNanos(openUntil - nanoTime.getAsLong()).toSeconds());
    }
}
