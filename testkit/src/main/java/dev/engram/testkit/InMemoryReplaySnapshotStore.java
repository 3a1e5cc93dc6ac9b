package dev.engram.testkit;

import dev.engram.application.port.out.ReplaySnapshotStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/** Replay snapshots in memory, shared by every services instance given the same object (as a data dir is). */
public final class InMemoryReplaySnapshotStore implements ReplaySnapshotStore {
    private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();

    @Override
    public Mono<Snapshot> load(String namespace) {
        return Mono.fromSupplier(() -> snapshots.get(namespace));
    }

    @Override
    public Mono<Void> save(String namespace, Snapshot snapshot) {
        return Mono.fromRunnable(() -> snapshots.put(namespace, snapshot));
    }

    public int saved() {
        return snapshots.size();
    }
}
