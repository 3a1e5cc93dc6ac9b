package dev.engram.application.service;

import dev.engram.application.config.BufferPolicy;
import dev.engram.application.port.out.Clock;
import dev.engram.application.port.out.ExperienceLog;
import dev.engram.application.port.out.ExperienceLog.Delivery;
import dev.engram.application.port.out.ExperienceLog.Entry;
import dev.engram.application.port.out.ExperienceLog.Undecodable;
import dev.engram.application.port.out.TrajectoryStore;
import dev.engram.application.port.out.UpsertOutcome;
import dev.engram.domain.trajectory.Trajectory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the write buffer's consumer group into the long-term store: reads a batch (up to {@code batch_size}
 * entries, waiting at most {@code interval} for the first), upserts it by namespace (idempotent: an entry stored
 * before a crash is {@code unchanged} the second time), and acknowledges exactly what the store then holds. Nothing
 * is acknowledged before the store holds it, so a worker killed at any point loses nothing: its pending entries are
 * read again by a worker of the same name when it restarts, or claimed by any other worker once they were idle for
 * {@code claim_idle}.
 *
 * <p>An entry whose id the store holds with other content, or that repeats an id of the same batch with other
 * content, or that cannot be decoded, goes to the dead-letter stream with the reason — never dropped, never blocking
 * the group. A store that fails leaves the batch pending; the worker waits {@code fallback_retry} and reads its own
 * pending entries again.
 */
public final class WriteBehindWorker {
    private static final Logger LOG = LoggerFactory.getLogger(WriteBehindWorker.class);
    private static final Duration WAIT = Duration.ofMinutes(10);

    private final ExperienceLog log;
    private final TrajectoryStore store;
    private final MemoryProjector memories;
    private final BufferPolicy policy;
    private final String consumer;
    private final Clock clock;
    private final WriteBufferMetrics metrics;
    private volatile boolean stopped;
    /** Counted down by {@link #stop()}: wakes a worker waiting out {@code fallback_retry}. */
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private boolean recoverOwn = true;
    private Instant lastClaim = Instant.MIN;

    WriteBehindWorker(ExperienceLog log, TrajectoryStore store, MemoryProjector memories, BufferPolicy policy, String consumer,
                      Clock clock, WriteBufferMetrics metrics) {
        this.log = Objects.requireNonNull(log, "log");
        this.store = Objects.requireNonNull(store, "store");
        this.memories = memories;
        this.policy = Objects.requireNonNull(policy, "policy");
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        if (consumer.isBlank()) {
            throw new IllegalArgumentException("a worker needs a consumer name");
        }
    }

    public String consumer() {
        return consumer;
    }

    public WriteBufferMetrics metrics() {
        return metrics;
    }

    /**
     * One step: this consumer's own pending entries first (after a start or a failure), then — at most every
     * {@code claim_idle} — entries idle at other consumers, then new entries (waiting at most {@code block}).
     * Returns how many entries it handled (0: there was nothing). A backend failure is thrown; nothing of the batch
     * was acknowledged then.
     */
    public int step(Duration block) {
        try {
            if (recoverOwn) {
                Delivery own = log.ownPending(policy.group(), consumer, policy.batchSize()).block(WAIT);
                if (own != null && !own.isEmpty()) {
                    return handle(own);
                }
                recoverOwn = false;
            }
            Instant now = clock.now();
            if (!now.isBefore(lastClaim.plus(claimEvery()))) {
                lastClaim = now;
                Delivery claimed = log.claimIdle(policy.group(), consumer, policy.claimIdle(), policy.batchSize()).block(WAIT);
                if (claimed != null && !claimed.isEmpty()) {
                    metrics.claimed(claimed.size());
                    LOG.info("worker {} claimed {} entries left pending by another worker", consumer, claimed.size());
                    return handle(claimed);
                }
            }
            Delivery fresh = log.read(policy.group(), consumer, policy.batchSize(), block).block(WAIT);
            return fresh == null || fresh.isEmpty() ? 0 : handle(fresh);
        } catch (RuntimeException e) {
            recoverOwn = true;
            metrics.failure();
            throw e;
        }
    }

    private Duration claimEvery() {
        Duration half = policy.claimIdle().dividedBy(2);
        return half.compareTo(policy.interval()) < 0 ? half : policy.interval();
    }

    /** Drains until the group has nothing more for this worker (own pending, idle elsewhere, new); returns the count. */
    public long drain() {
        long total = 0;
        lastClaim = Instant.MIN;
        while (!stopped) {
            int n = step(Duration.ofMillis(50));
            if (n == 0) {
                break;
            }
            total += n;
        }
        refreshBacklog();
        return total;
    }

    /**
     * Runs until {@link #stop()}: the batch in hand is finished (stored and acknowledged) before it returns. Backend
     * failures are logged and retried after {@code fallback_retry}.
     */
    public void run() {
        Instant lastBacklog = Instant.MIN;
        while (!stopped) {
            try {
                step(policy.interval());
                Instant now = clock.now();
                if (!now.isBefore(lastBacklog.plus(policy.interval()))) {
                    lastBacklog = now;
                    refreshBacklog();
                }
            } catch (RuntimeException e) {
                LOG.warn("worker {}: {}; retrying in {}", consumer, e.getMessage(), policy.fallbackRetry());
                pause(policy.fallbackRetry());
            }
        }
    }

    /** Asks {@link #run()} or {@link #drain()} to return after the batch in hand. */
    public void stop() {
        stopped = true;
        stopSignal.countDown();
    }

    private void pause(Duration d) {
        try {
            stopSignal.await(d.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }

    private void refreshBacklog() {
        try {
            ExperienceLog.Backlog backlog = log.backlog(policy.group()).block(WAIT);
            if (backlog != null) {
                metrics.backlog(backlog.lag(), backlog.pending());
            }
        } catch (RuntimeException e) {
            LOG.debug("worker {}: backlog not read: {}", consumer, e.toString());
        }
    }

    private int handle(Delivery delivery) {
        Map<String, String> dead = new LinkedHashMap<>();
        for (Undecodable u : delivery.undecodable()) {
            dead.put(u.entryId(), u.reason());
        }
        List<String> acks = new ArrayList<>();
        long insertedNow = 0;
        Map<String, List<Entry>> byNamespace = new LinkedHashMap<>();
        for (Entry e : delivery.entries()) {
            byNamespace.computeIfAbsent(e.namespace(), k -> new ArrayList<>()).add(e);
        }
        for (Map.Entry<String, List<Entry>> part : byNamespace.entrySet()) {
            String namespace = part.getKey();
            Map<String, Trajectory> first = new LinkedHashMap<>();
            Map<String, List<String>> entriesOf = new HashMap<>();
            for (Entry e : part.getValue()) {
                Trajectory t = e.trajectory();
                Trajectory earlier = first.putIfAbsent(t.trajectoryId(), t);
                if (earlier != null && !earlier.contentHash().equals(t.contentHash())) {
                    dead.put(e.entryId(), "trajectory id '" + t.trajectoryId() + "' appears earlier in the same batch with other content");
                    continue;
                }
                entriesOf.computeIfAbsent(t.trajectoryId(), k -> new ArrayList<>()).add(e.entryId());
            }
            List<Trajectory> batch = new ArrayList<>(first.values());
            List<UpsertOutcome> outcomes = store.upsert(namespace, batch, false).block(WAIT);
            Map<String, Trajectory> inserted = new HashMap<>();
            Set<String> agents = new LinkedHashSet<>();
            for (int i = 0; i < batch.size(); i++) {
                Trajectory t = batch.get(i);
                List<String> entryIds = entriesOf.get(t.trajectoryId());
                switch (outcomes.get(i).status()) {
                    case INSERTED -> {
                        inserted.put(t.trajectoryId(), t);
                        agents.add(t.agentId());
                        acks.addAll(entryIds);
                    }
                    case UNCHANGED -> acks.addAll(entryIds);
                    case CONFLICT -> entryIds.forEach(id -> dead.put(id, "the long-term store holds trajectory id '" + t.trajectoryId()
                            + "' of namespace '" + namespace + "' with other content"));
                    default -> {
                        // not stored (cannot happen without atomic): left pending, read again
                    }
                }
            }
            insertedNow += inserted.size();
            if (memories != null) {
                for (String agent : agents) {
                    try {
                        memories.catchUpAfterWrite(namespace, agent, inserted);
                    } catch (RuntimeException e) {
                        // the memory catches up from the store's change feed at its next read: nothing is lost
                        LOG.warn("worker {}: the memory of agent {} did not catch up now: {}", consumer, agent, e.getMessage());
                    }
                }
            }
        }
        if (!dead.isEmpty()) {
            log.deadLetter(policy.group(), dead).block(WAIT);
            LOG.warn("worker {}: {} entries moved to the dead letters, e.g. {}", consumer, dead.size(), dead.values().iterator().next());
        }
        if (!acks.isEmpty()) {
            log.acknowledge(policy.group(), acks).block(WAIT);
        }
        metrics.batch(delivery.size(), insertedNow, acks.size(), dead.size());
        return delivery.size();
    }
}
