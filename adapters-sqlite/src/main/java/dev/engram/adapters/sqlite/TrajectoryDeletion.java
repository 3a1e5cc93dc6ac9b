package dev.engram.adapters.sqlite;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Deletes the trajectories a condition selects, set-based so that a prune of millions needs no memory: one
 * statement appends their DELETE changes (oldest first), one takes their replay counts off the namespace's total,
 * one deletes them (their bodies go with them, by the foreign key's cascade).
 */
final class TrajectoryDeletion {
    private TrajectoryDeletion() {
    }

    static long delete(Connection connection, String namespace, SqlFragment where) throws SQLException {
        ChangeFeed.appendDeletes(connection, namespace, where);
        long replays = SqlFragment.of("SELECT coalesce(sum(t.replays), 0) FROM trajectories t").then(where).number(connection);
        if (replays != 0) {
            ReplayCounts.addToTotal(connection, namespace, -replays);
        }
        return SqlFragment.of("DELETE FROM trajectories AS t").then(where).update(connection);
    }
}
