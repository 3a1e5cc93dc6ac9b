package dev.engram.application.port.out;

import reactor.core.publisher.Mono;

/**
 * Where a namespace's replay index is kept between processes, so that a one-shot command on a large store loads a
 * snapshot and catches up from its change sequence instead of rebuilding from every trajectory.
 * A snapshot is a cache: losing it costs a rebuild, never data.
 */
public interface ReplaySnapshotStore {

    /** A saved snapshot: the bytes of the index and the change sequence it includes. */
    record Snapshot(long sequence, byte[] bytes) {
    }

    /** The latest snapshot of the namespace; empty when there is none (or it is unreadable: then it is ignored). */
    Mono<Snapshot> load(String namespace);

    /** Replaces the namespace's snapshot atomically (a reader sees the old one or the new one, never a mix). */
    Mono<Void> save(String namespace, Snapshot snapshot);
}
