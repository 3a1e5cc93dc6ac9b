package dev.engram.adapters.sqlite;

import dev.engram.application.port.out.Change;
import dev.engram.domain.replay.ReplayItem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * The {@code changes} table. A change row is written in the same transaction as the change it describes, and its
 * sequence comes from {@code AUTOINCREMENT}; SQLite lets one transaction write at a time, in every process, so
 * sequences commit in increasing order and a reader that sees one sees every one below it.
 */
final class ChangeFeed {
    private static final String COLUMNS = "namespace, kind, trajectory_id, agent_id, task_id, domain, outcome, created_s, created_n, loss";
    private static final String SELECT = "SELECT seq, kind, trajectory_id, agent_id, task_id, domain, outcome, created_s, created_n, loss FROM changes";

    private ChangeFeed() {
    }

    static String kind(Change.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    /** Appends changes through one prepared statement, for a transaction that writes many. */
    static final class Appender implements AutoCloseable {
        private final PreparedStatement insert;

        Appender(Connection connection) throws SQLException {
            insert = connection.prepareStatement("INSERT INTO changes (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq");
        }

        /** Appends one change; returns its sequence. */
        long append(String namespace, Change.Kind kind, ReplayItem item) throws SQLException {
            SqlFragment.bindAll(insert, namespace, kind(kind), item.id(), item.agentId(), item.taskId(), item.domain(),
                    TrajectoryColumns.outcome(item.outcome()), item.createdAt().getEpochSecond(), item.createdAt().getNano(), item.loss());
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }

        @Override
        public void close() throws SQLException {
            insert.close();
        }
    }

    /**
     * Appends a DELETE change for every trajectory row the condition selects, in (created_at, id) order, in one
     * statement; the caller deletes the rows next, in the same transaction.
     */
    static void appendDeletes(Connection connection, String namespace, SqlFragment where) throws SQLException {
        SqlFragment.of("INSERT INTO changes (" + COLUMNS + ") SELECT t.namespace, ?, t.trajectory_id, t.agent_id, t.task_id,"
                + " t.domain, t.outcome, t.created_s, t.created_n, t.loss FROM trajectories t", kind(Change.Kind.DELETE))
                .then(where)
                .then(" ORDER BY t.created_s, t.created_n, t.trajectory_id")
                .update(connection);
    }

    /** Changes of the namespace after the sequence, oldest first; {@code agentInserts} narrows to one agent's inserts. */
    static List<Change> page(Connection connection, String namespace, String agentInserts, long afterSequence, int limit) throws SQLException {
        SqlFragment query = agentInserts == null
                ? SqlFragment.of(SELECT + " WHERE namespace = ? AND seq > ?", namespace, afterSequence)
                : SqlFragment.of(SELECT + " WHERE namespace = ? AND agent_id = ? AND kind = 'insert' AND seq > ?", namespace, agentInserts, afterSequence);
        return query.then(" ORDER BY seq LIMIT ?", limit).list(connection, ChangeFeed::read);
    }

    static long last(Connection connection, String namespace) throws SQLException {
        return SqlFragment.of("SELECT max(seq) FROM changes WHERE namespace = ?", namespace).number(connection);
    }

    private static Change read(ResultSet row) throws SQLException {
        ReplayItem item = TrajectoryColumns.replayItem(row, row.getString("trajectory_id"), TrajectoryColumns.nullableDouble(row, "loss"));
        return new Change(row.getLong("seq"), Change.Kind.valueOf(row.getString("kind").toUpperCase(Locale.ROOT)), item);
    }
}
