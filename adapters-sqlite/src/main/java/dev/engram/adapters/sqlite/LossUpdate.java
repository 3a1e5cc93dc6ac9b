package dev.engram.adapters.sqlite;

import dev.engram.application.port.out.Change;
import dev.engram.domain.replay.ReplayItem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Sets losses (replay priorities), each with a LOSS change in the same transaction; ids not stored are skipped. */
final class LossUpdate {
    private static final String UPDATE = "UPDATE trajectories SET loss = ? WHERE namespace = ? AND trajectory_id = ?"
            + " RETURNING agent_id, task_id, domain, outcome, created_s, created_n";

    private LossUpdate() {
    }

    static Set<String> run(Connection connection, String namespace, Map<String, Double> losses) throws SQLException {
        Set<String> updated = new LinkedHashSet<>();
        try (PreparedStatement update = connection.prepareStatement(UPDATE);
             ChangeFeed.Appender changes = new ChangeFeed.Appender(connection)) {
            for (Map.Entry<String, Double> entry : losses.entrySet()) {
                SqlFragment.bindAll(update, entry.getValue(), namespace, entry.getKey());
                ReplayItem item = null;
                try (ResultSet row = update.executeQuery()) {
                    if (row.next()) {
                        item = TrajectoryColumns.replayItem(row, entry.getKey(), entry.getValue());
                    }
                }
                if (item != null) {
                    changes.append(namespace, Change.Kind.LOSS, item);
                    updated.add(entry.getKey());
                }
            }
        }
        return updated;
    }
}
