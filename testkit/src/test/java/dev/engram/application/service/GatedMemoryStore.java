package dev.engram.application.service;

import dev.engram.application.port.out.MemoryStore;
import dev.engram.application.port.out.StoredMemory;
import dev.engram.domain.json.JsonObject;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A memory store that counts its loads and can hold them at a gate (to keep a rendering in progress). */
final class GatedMemoryStore implements MemoryStore {
    final AtomicInteger loads = new AtomicInteger();
    private final Semaphore loadsStarted = new Semaphore(0);
    private final MemoryStore inner;
    private volatile CountDownLatch gate = new CountDownLatch(0);

    GatedMemoryStore(MemoryStore inner) {
        this.inner = inner;
    }

    /** Loads from now on wait until {@link #release}; {@link #awaitLoad} counts those begun from now on. */
    void hold() {
        loadsStarted.drainPermits();
        gate = new CountDownLatch(1);
    }

    void release() {
        gate.countDown();
    }

    /** Waits until a load has begun since {@link #hold} (or the last wait); false after the timeout. */
    boolean awaitLoad(long seconds) throws InterruptedException {
        return loadsStarted.tryAcquire(seconds, TimeUnit.SECONDS);
    }

    @Override
    public Mono<StoredMemory> load(String namespace, String agentId) {
        return Mono.defer(() -> {
            loads.incrementAndGet();
            loadsStarted.release();
            try {
                gate.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return inner.load(namespace, agentId);
        });
    }

    @Override
    public Mono<Long> save(String namespace, String agentId, long expectedVersion, JsonObject state) {
        return inner.save(namespace, agentId, expectedVersion, state);
    }

    @Override
    public Mono<Boolean> delete(String namespace, String agentId) {
        return inner.delete(namespace, agentId);
    }

    @Override
    public Flux<StoredMemory> streamAll(String namespace) {
        return inner.streamAll(namespace);
    }
}
