package dev.engram.application.service;

import dev.engram.application.port.out.Change;
import dev.engram.application.port.out.ReplaySnapshotStore;
import dev.engram.application.port.out.TrajectoryStore;
import dev.engram.domain.error.DomainException;
import dev.engram.domain.replay.ReplayConfig;
import dev.engram.domain.replay.ReplayIndex;
import dev.engram.domain.replay.ReplaySnapshot;
import dev.engram.domain.replay.ReplaySnapshotCodec;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process replay index of each namespace, kept caught up with the store's change feed so that records
 * written by any process are seen without a restart. An index is built once — from a snapshot plus the changes
 * since it, or from the whole feed when there is no usable snapshot — and then follows the feed incrementally.
 * A snapshot is written again when enough changes have passed, so that the next one-shot process starts fast.
 *
 * <p>Blocking: callers run this on a thread that may block (the services wrap it in a bounded-elastic Mono).
 */
final class ReplayIndexes {
    private static final Logger LOG = LoggerFactory.getLogger(ReplayIndexes.class);
    static final int PAGE = 10_000;
    private static final Duration WAIT = Duration.ofMinutes(10);

    /** One namespace's index and the last change it includes; guarded by its own monitor. */
    static final class Held {
        final String namespace;
        ReplayIndex index;
        long sequence;
        long sequenceAtSnapshot;

        Held(String namespace) {
            this.namespace = namespace;
        }
    }

    private final TrajectoryStore store;
    private final ReplaySnapshotStore snapshots;
    private final ReplayConfig config;
    private final long snapshotEvery;
    private final Map<String, Held> held = new ConcurrentHashMap<>();

    ReplayIndexes(TrajectoryStore store, ReplaySnapshotStore snapshots, ReplayConfig config, long snapshotEvery) {
        this.store = Objects.requireNonNull(store, "store");
        this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
        this.config = Objects.requireNonNull(config, "config");
        this.snapshotEvery = snapshotEvery;
    }

    /** Runs {@code work} on the namespace's index, caught up with every change the store has made visible. */
    <T> T withIndex(String namespace, Function<ReplayIndex, T> work) {
        Held h = held.computeIfAbsent(namespace, Held::new);
        synchronized (h) {
            catchUp(h);
            T result = work.apply(h.index);
            maybeSnapshot(h);
            return result;
        }
    }

    private void catchUp(Held h) {
        if (h.index == null) {
            load(h);
        }
        while (true) {
            List<Change> changes = store.changesSince(h.namespace, h.sequence, PAGE).collectList().block(WAIT);
            if (changes == null || changes.isEmpty()) {
                return;
            }
            for (Change change : changes) {
                apply(h.index, change);
                h.sequence = change.sequence();
            }
            if (changes.size() < PAGE) {
                return;
            }
        }
    }

    static void apply(ReplayIndex index, Change change) {
        switch (change.kind()) {
            case INSERT:
                index.add(change.item());
                break;
            case LOSS:
                index.updatePriority(change.item().id(), change.item().loss());
                break;
            case DELETE:
                index.remove(change.item().id());
                break;
            default:
                throw new IllegalStateException("unknown change " + change.kind());
        }
    }

    /** From the snapshot when there is a usable one; otherwise an empty index that catches up from the start. */
    private void load(Held h) {
        ReplaySnapshotStore.Snapshot saved = null;
        try {
            saved = snapshots.load(h.namespace).block(WAIT);
        } catch (DomainException e) {
            LOG.warn("replay snapshot of namespace {} unavailable ({}); rebuilding from the store", h.namespace, e.getMessage());
        }
        if (saved != null) {
            try {
                ReplaySnapshot snapshot = ReplaySnapshotCodec.fromBytes(saved.bytes());
                if (snapshot.index().config().equals(config) && snapshot.changeSequence() <= lastSequence(h.namespace)) {
                    h.index = snapshot.index();
                    h.sequence = snapshot.changeSequence();
                    h.sequenceAtSnapshot = h.sequence;
                    return;
                }
                LOG.info("replay snapshot of namespace {} does not match the configuration or the store; rebuilding", h.namespace);
            } catch (DomainException e) {
                LOG.warn("replay snapshot of namespace {} is unreadable ({}); rebuilding from the store", h.namespace, e.getMessage());
            }
        }
        h.index = new ReplayIndex(config);
        h.sequence = 0;
        h.sequenceAtSnapshot = 0;
    }

    private long lastSequence(String namespace) {
        Long last = store.lastSequence(namespace).block(WAIT);
        return last == null ? 0 : last;
    }

    private void maybeSnapshot(Held h) {
        if (h.sequence - h.sequenceAtSnapshot >= snapshotEvery) {
            writeSnapshot(h);
        }
    }

    private void writeSnapshot(Held h) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ReplaySnapshotCodec.write(h.index, h.sequence, new DataOutputStream(bytes));
            snapshots.save(h.namespace, new ReplaySnapshotStore.Snapshot(h.sequence, bytes.toByteArray())).block(WAIT);
            h.sequenceAtSnapshot = h.sequence;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DomainException e) {
            // a snapshot is a cache: failing to write one costs the next process a rebuild, never data
            LOG.warn("could not save the replay snapshot of namespace {}: {}", h.namespace, e.getMessage());
            h.sequenceAtSnapshot = h.sequence;
        }
    }

    /** Forces a snapshot now (after a bulk import, before a one-shot process exits). */
    void snapshot(String namespace) {
        Held h = held.computeIfAbsent(namespace, Held::new);
        synchronized (h) {
            catchUp(h);
            if (h.sequence != h.sequenceAtSnapshot) {
                writeSnapshot(h);
            }
        }
    }
}
