package dev.engram.application.port.out;

import java.util.Objects;

/**
 * What a store did with one item of a batch.
 *
 * @param trajectoryId the item's id
 * @param status       what happened
 * @param sequence     the change sequence assigned to a new insert; 0 otherwise
 */
public record UpsertOutcome(String trajectoryId, Status status, long sequence) {
    public enum Status {
        /** Newly stored; it has a change sequence. */
        INSERTED,
        /** The same id with the same content was already stored: nothing changed. */
        UNCHANGED,
        /** The same id is stored with different content: nothing changed. */
        CONFLICT,
        /** Not stored because another item of an all-or-nothing batch conflicted. */
        NOT_STORED
    }

    public UpsertOutcome {
        Objects.requireNonNull(trajectoryId, "trajectoryId");
        Objects.requireNonNull(status, "status");
        if ((status == Status.INSERTED) != (sequence > 0)) {
            throw new IllegalArgumentException("an insert, and only an insert, has a change sequence");
        }
    }

    public static UpsertOutcome inserted(String id, long sequence) {
        return new UpsertOutcome(id, Status.INSERTED, sequence);
    }

    public static UpsertOutcome unchanged(String id) {
        return new UpsertOutcome(id, Status.UNCHANGED, 0);
    }

    public static UpsertOutcome conflict(String id) {
        return new UpsertOutcome(id, Status.CONFLICT, 0);
    }

    public static UpsertOutcome notStored(String id) {
        return new UpsertOutcome(id, Status.NOT_STORED, 0);
    }
}
