package dev.engram.application.port.out;

import dev.engram.domain.replay.ReplayItem;
import java.util.Objects;

/**
 * One entry of a store's change feed. Every insert, loss update and delete gets a store-assigned sequence number,
 * increasing within a namespace, so that any process — a second CLI, the server — can catch up with what others
 * wrote. A store must make sequences visible in order: a reader that sees sequence s sees every change below s.
 *
 * @param sequence the change's position in the feed
 * @param kind     what changed
 * @param item     the trajectory's replay fields after the change (for a delete: as it was)
 */
public record Change(long sequence, Kind kind, ReplayItem item) {
    public enum Kind {
        INSERT,
        LOSS,
        DELETE
    }

    public Change {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(item, "item");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequences start at 1, got " + sequence);
        }
    }
}
