package dev.engram.application.service;

import dev.engram.application.config.BufferPolicy;
import dev.engram.application.port.in.RecordReport.Status;
import dev.engram.application.port.out.Clock;
import dev.engram.application.port.out.ExperienceLog;
import dev.engram.application.port.out.ExperienceLog.AppendStatus;
import dev.engram.application.port.out.TrajectoryStore;
import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import dev.engram.domain.trajectory.Trajectory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records into the write buffer in front of the long-term store.
 *
 * <ol>
 * <li>The long-term store's content hashes of the batch's ids: an id stored with the same content is
 * {@code unchanged}, with other content a {@code conflict} (so data written before the buffer was configured, or
 * while it was down, is checked too).</li>
 * <li>The rest is appended to the log, which checks the ids against the content hashes it accepted, atomically with
 * taking them, before it acknowledges.</li>
 * <li>With {@code ack: durable}, the appended items are written to the long-term store as well before the record is
 * acknowledged (the worker's later upsert of them is a no-op).</li>
 * </ol>
 *
 * When the log is unavailable, the batch goes straight into the long-term store instead (acknowledged once it is
 * there, so nothing acknowledged is ever held in this process's memory only), and the log is tried again after
 * {@code fallback_retry}. A long-term store that is unavailable fails the record ("backend unavailable").
 */
final class BufferedSink implements RecordSink {
    private static final Logger LOG = LoggerFactory.getLogger(BufferedSink.class);

    private final ExperienceLog log;
    private final TrajectoryStore store;
    private final BufferPolicy policy;
    private final Clock clock;
    private final WriteBufferMetrics metrics;
    private final DirectSink direct;
    private volatile Instant logDownUntil = Instant.MIN;

    BufferedSink(ExperienceLog log, TrajectoryStore store, BufferPolicy policy, Clock clock, WriteBufferMetrics metrics) {
        this.log = log;
        this.store = store;
        this.policy = policy;
        this.clock = clock;
        this.metrics = metrics;
        this.direct = new DirectSink(store);
    }

    /** Whether records go straight to the long-term store now because the log was unavailable. */
    boolean fallingBack() {
        return clock.now().isBefore(logDownUntil);
    }

    @Override
    public Written write(String namespace, List<Trajectory> batch, boolean atomic) {
        if (batch.isEmpty()) {
            return new Written(List.of(), List.of());
        }
        if (fallingBack()) {
            return fallback(namespace, batch, atomic);
        }
        List<String> ids = batch.stream().map(Trajectory::trajectoryId).collect(Collectors.toList());
        Map<String, String> stored = store.contentHashes(namespace, ids).block(DirectSink.WAIT);
        Status[] statuses = new Status[batch.size()];
        List<Trajectory> toLog = new ArrayList<>();
        List<Integer> toLogAt = new ArrayList<>();
        boolean conflict = false;
        for (int i = 0; i < batch.size(); i++) {
            Trajectory t = batch.get(i);
            String hash = stored == null ? null : stored.get(t.trajectoryId());
            if (hash == null) {
                toLog.add(t);
                toLogAt.add(i);
            } else if (hash.equals(t.contentHash())) {
                statuses[i] = Status.UNCHANGED;
            } else {
                statuses[i] = Status.CONFLICT;
                conflict = true;
            }
        }
        if (conflict && atomic) {
            return new Written(refused(statuses), List.of());
        }
        List<AppendStatus> appended;
        try {
            appended = toLog.isEmpty() ? List.of() : log.append(namespace, toLog, atomic).block(DirectSink.WAIT);
        } catch (DomainException e) {
            if (e.code() != ErrorCode.BACKEND_UNAVAILABLE) {
                throw e;
            }
            logDownUntil = clock.now().plus(policy.fallbackRetry());
            metrics.logUnavailable();
            LOG.warn("the write buffer is unavailable, recording straight into the long-term store (trying the buffer again in {}): {}",
                    policy.fallbackRetry(), e.getMessage());
            return fallback(namespace, batch, atomic);
        }
        List<Trajectory> inLog = new ArrayList<>();
        for (int j = 0; j < toLog.size(); j++) {
            AppendStatus status = appended.get(j);
            int i = toLogAt.get(j);
            switch (status) {
                case APPENDED -> statuses[i] = Status.STORED;
                case REPEATED -> statuses[i] = Status.UNCHANGED;
                case CONFLICT -> statuses[i] = Status.CONFLICT;
                default -> statuses[i] = Status.NOT_STORED;
            }
            if (status == AppendStatus.APPENDED || status == AppendStatus.REPEATED) {
                inLog.add(toLog.get(j));
            }
        }
        metrics.appended(inLog.size());
        if (atomic && inLog.size() < toLog.size()) {
            return new Written(refused(statuses), List.of()); // the log refused the batch whole: nothing was appended
        }
        if (policy.ack() == BufferPolicy.Ack.DURABLE && !inLog.isEmpty()) {
            // acknowledged only once the long-term store holds them too; the worker's upsert of them later is a no-op
            Written durable = direct.write(namespace, inLog, false);
            int k = 0;
            for (int j = 0; j < toLog.size(); j++) {
                AppendStatus status = appended.get(j);
                if (status == AppendStatus.APPENDED || status == AppendStatus.REPEATED) {
                    if (durable.statuses().get(k) == Status.CONFLICT) {
                        statuses[toLogAt.get(j)] = Status.CONFLICT; // a concurrent direct write took the id first
                    }
                    k++;
                }
            }
            return new Written(List.of(statuses), durable.inserted());
        }
        return new Written(List.of(statuses), List.of());
    }

    private static List<Status> refused(Status[] statuses) {
        List<Status> out = new ArrayList<>(statuses.length);
        for (Status s : statuses) {
            out.add(s == Status.CONFLICT ? Status.CONFLICT : Status.NOT_STORED);
        }
        return out;
    }

    private Written fallback(String namespace, List<Trajectory> batch, boolean atomic) {
        Written written = direct.write(namespace, batch, atomic);
        metrics.fellBack(batch.size());
        return written;
    }
}
