package dev.engram.application.port.out;

import dev.engram.domain.trajectory.Trajectory;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The live experience log: an append-only, durable (as the backend persists) log of recorded trajectories in front
 * of the long-term {@link TrajectoryStore}. Consumer groups let write-behind workers drain it, each entry delivered to
 * one consumer of a group and kept pending until it is acknowledged; entries of a consumer that died are claimed by
 * another after an idle time. Tailing serves a live feed.
 *
 * <p>Conflicts are refused before an append is acknowledged: the log remembers the content hash it accepted for
 * every (namespace, trajectory id), and an append of an id with another content is a {@link AppendStatus#CONFLICT}.
 *
 * <p>Entry ids are the log's own, opaque, unique over the whole log (not per namespace). Entries that cannot be
 * decoded (written by something else or by a newer version) are delivered as {@link Undecodable} and go to
 * {@link #deadLetter} — never dropped, never blocking the group.
 *
 * <p>Failures of the backend are signalled as {@link dev.engram.domain.error.DomainException} with code
 * {@code backend_unavailable}.
 */
public interface ExperienceLog extends AutoCloseable {

    /** An entry of the log: its id, the namespace, the trajectory. */
    record Entry(String entryId, String namespace, Trajectory trajectory) {
        public Entry {
            Objects.requireNonNull(entryId, "entryId");
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(trajectory, "trajectory");
        }
    }

    /** An entry that could not be read back, and why. */
    record Undecodable(String entryId, String reason) {
        public Undecodable {
            Objects.requireNonNull(entryId, "entryId");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** What one read delivered to a consumer: the entries, and those that could not be decoded. */
    record Delivery(List<Entry> entries, List<Undecodable> undecodable) {
        public static final Delivery EMPTY = new Delivery(List.of(), List.of());

        public Delivery {
            entries = List.copyOf(entries);
            undecodable = List.copyOf(undecodable);
        }

        public boolean isEmpty() {
            return entries.isEmpty() && undecodable.isEmpty();
        }

        public int size() {
            return entries.size() + undecodable.size();
        }
    }

    /**
     * How far a group is behind: {@code lag} entries appended that the group has not been delivered yet, {@code pending}
     * delivered and not acknowledged.
     */
    record Backlog(long lag, long pending) {
    }

    /** A dead letter: the entry id it had, why it was moved, and its raw fields. */
    record DeadLetter(String entryId, String reason, Map<String, String> fields) {
        public DeadLetter {
            fields = Map.copyOf(fields);
        }
    }

    /** What an append did with one item. */
    enum AppendStatus {
        /** In the log now. */
        APPENDED,
        /**
         * The same id with the same content was accepted before; it is appended again all the same (the write-behind
         * upsert is idempotent), so that an earlier append that failed half-way cannot leave it out.
         */
        REPEATED,
        /** The id was accepted before with other content: nothing appended. */
        CONFLICT,
        /** Not appended because another item of an all-or-nothing batch conflicted. */
        NOT_APPENDED
    }

    /** The content hashes the log has accepted for those of the ids it knows. */
    Mono<Map<String, String>> knownHashes(String namespace, Collection<String> trajectoryIds);

    /**
     * Appends the trajectories (ids distinct within the batch: the caller refuses repeats) after the conflict check;
     * emits one status per item, in order, once the log holds them as durably as the backend is configured to. With
     * {@code atomic}, one conflict appends nothing.
     */
    Mono<List<AppendStatus>> append(String namespace, List<Trajectory> batch, boolean atomic);

    /**
     * Up to {@code count} entries not yet delivered to the group (created on first use, from the start of the log),
     * for the consumer; waits at most {@code block} when there are none.
     */
    Mono<Delivery> read(String group, String consumer, int count, Duration block);

    /** Entries delivered to this consumer before and not acknowledged (a restarted consumer of the same name). */
    Mono<Delivery> ownPending(String group, String consumer, int count);

    /** Entries of other consumers pending for at least {@code minIdle}, now delivered to this consumer. */
    Mono<Delivery> claimIdle(String group, String consumer, Duration minIdle, int count);

    /** Acknowledges entries: the group is done with them. Returns how many were pending. */
    Mono<Long> acknowledge(String group, Collection<String> entryIds);

    /**
     * Copies entries, with their original fields and the reason, to the dead-letter stream, then acknowledges them in
     * the group. Entries already gone from the log are recorded with their reason alone.
     */
    Mono<Void> deadLetter(String group, Map<String, String> reasonsByEntryId);

    /** The dead letters, oldest first, at most {@code limit}. */
    Flux<DeadLetter> deadLetters(int limit);

    /** How far the group is behind. */
    Mono<Backlog> backlog(String group);

    /**
     * The entries of the namespace appended after {@code afterEntryId} ({@code null}: from now on), as they arrive,
     * until cancelled. Resuming from an id never skips a later entry; it may repeat entries appended shortly before
     * the one resumed from (a log of several partitions cannot order them exactly), so a feed that must not show one
     * twice drops the entry ids it has already sent.
     */
    Flux<Entry> tail(String namespace, String afterEntryId);

    /** Closes the connection. */
    @Override
    void close();
}
