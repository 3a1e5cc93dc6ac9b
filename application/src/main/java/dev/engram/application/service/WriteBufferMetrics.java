package dev.engram.application.service;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the write buffer and its worker did in this process: entries appended, records that fell back to the
 * long-term store, batches drained (count, sizes, entries stored, acknowledged and dead-lettered), failures, and the
 * backlog last seen. Counters only grow; {@link #snapshot()} reads them all (the metrics hook of a front end).
 */
public final class WriteBufferMetrics {
    private final LongAdder appended = new LongAdder();
    private final LongAdder fellBack = new LongAdder();
    private final LongAdder logUnavailable = new LongAdder();
    private final LongAdder batches = new LongAdder();
    private final LongAdder drained = new LongAdder();
    private final LongAdder inserted = new LongAdder();
    private final LongAdder acknowledged = new LongAdder();
    private final LongAdder deadLettered = new LongAdder();
    private final LongAdder claimed = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final AtomicLong lastBatchSize = new AtomicLong();
    private final AtomicLong largestBatch = new AtomicLong();
    private final AtomicLong lag = new AtomicLong(-1);
    private final AtomicLong pending = new AtomicLong(-1);

    /** Every counter at one moment ({@code lag}, {@code pending}: -1 until the worker has looked). */
    public record Snapshot(long appended, long fellBack, long logUnavailable, long batches, long drained, long inserted,
                           long acknowledged, long deadLettered, long claimed, long failures, long lastBatchSize,
                           long largestBatch, long lag, long pending) {
        /** The mean batch size so far (0 before the first batch). */
        public double meanBatchSize() {
            return batches == 0 ? 0 : (double) drained / batches;
        }
    }

    void appended(long n) {
        appended.add(n);
    }

    void fellBack(long n) {
        fellBack.add(n);
    }

    void logUnavailable() {
        logUnavailable.increment();
    }

    void batch(int size, long insertedNow, long acknowledgedNow, long deadLetteredNow) {
        batches.increment();
        drained.add(size);
        inserted.add(insertedNow);
        acknowledged.add(acknowledgedNow);
        deadLettered.add(deadLetteredNow);
        lastBatchSize.set(size);
        largestBatch.accumulateAndGet(size, Math::max);
    }

    void claimed(long n) {
        claimed.add(n);
    }

    void failure() {
        failures.increment();
    }

    void backlog(long lagNow, long pendingNow) {
        lag.set(lagNow);
        pending.set(pendingNow);
    }

    public Snapshot snapshot() {
        return new Snapshot(appended.sum(), fellBack.sum(), logUnavailable.sum(), batches.sum(), drained.sum(), inserted.sum(),
                acknowledged.sum(), deadLettered.sum(), claimed.sum(), failures.sum(), lastBatchSize.get(), largestBatch.get(),
                lag.get(), pending.get());
    }
}
