package dev.engram.application.service;

import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The threads the use cases run on. A use case blocks on what its ports return, so it must not run on
 * {@link Schedulers#boundedElastic()}: adapters hand their results back there (the Redis log decodes there, the MongoDB
 * store maps there), and once every boundedElastic thread is a use case waiting for such a result, none arrives. Their
 * own pool, as large as boundedElastic's by default, keeps the two apart for every adapter, present and future.
 */
final class UseCaseThreads {
    static final Scheduler SCHEDULER = Schedulers.newBoundedElastic(Schedulers.DEFAULT_BOUNDED_ELASTIC_SIZE,
            Schedulers.DEFAULT_BOUNDED_ELASTIC_QUEUESIZE, "engram-use-case", 60, true);

    private UseCaseThreads() {
    }
}
