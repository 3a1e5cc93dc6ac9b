package dev.engram.adapters.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How often each trajectory was replayed: a column of its row, and a per-namespace total kept in
 * {@code replay_totals} by every change to the counts (and by deletes), so that the total is one row read.
 */
final class ReplayCounts {
    private ReplayCounts() {
    }

    static void add(Connection connection, String namespace, Map<String, Long> replays) throws SQLException {
        long added = 0;
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE trajectories SET replays = replays + ? WHERE namespace = ? AND trajectory_id = ?")) {
            for (Map.Entry<String, Long> entry : replays.entrySet()) {
                SqlFragment.bindAll(update, entry.getValue(), namespace, entry.getKey());
                if (update.executeUpdate() > 0) {
                    added += entry.getValue();
                }
            }
        }
        if (added != 0) {
            addToTotal(connection, namespace, added);
        }
    }

    static void addToTotal(Connection connection, String namespace, long delta) throws SQLException {
        SqlFragment.of("INSERT INTO replay_totals (namespace, total) VALUES (?, ?)"
                + " ON CONFLICT (namespace) DO UPDATE SET total = total + excluded.total", namespace, delta).update(connection);
    }

    static Map<String, Long> of(Connection connection, String namespace, Collection<String> ids) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (PreparedStatement find = connection.prepareStatement("SELECT replays FROM trajectories WHERE namespace = ? AND trajectory_id = ?")) {
            for (String id : ids) {
                SqlFragment.bindAll(find, namespace, id);
                try (ResultSet row = find.executeQuery()) {
                    if (row.next()) {
                        out.put(id, row.getLong(1));
                    }
                }
            }
        }
        return out;
    }

    static long total(Connection connection, String namespace) throws SQLException {
        return SqlFragment.of("SELECT total FROM replay_totals WHERE namespace = ?", namespace).number(connection);
    }
}
