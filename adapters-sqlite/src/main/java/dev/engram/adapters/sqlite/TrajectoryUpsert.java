package dev.engram.adapters.sqlite;

import dev.engram.application.port.out.Change;
import dev.engram.application.port.out.UpsertOutcome;
import dev.engram.domain.trajectory.Trajectory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores a batch inside one write transaction: each id is looked up, new ones are inserted with their body and an
 * INSERT change, known ones are reported unchanged or in conflict by their content hash. One transaction per batch,
 * so even a partial batch is stored whole or not at all.
 */
final class TrajectoryUpsert {
    private static final String FIND = "SELECT content_hash FROM trajectories WHERE namespace = ? AND trajectory_id = ?";
    private static final String INSERT_ROW = "INSERT INTO trajectories (namespace, trajectory_id, agent_id, task_id, domain,"
            + " outcome, reward, created_s, created_n, loss, content_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_BODY = "INSERT INTO trajectory_bodies (row_id, body) VALUES (last_insert_rowid(), ?)";

    /**
     * A trajectory made ready before it reaches the writer thread: hashing and writing JSON are CPU work that
     * need not hold the one thread that may write.
     */
    record Prepared(Trajectory trajectory, String hash, String body) {
        static Prepared of(Trajectory trajectory) {
            return new Prepared(trajectory, trajectory.contentHash(), TrajectoryColumns.body(trajectory));
        }
    }

    private TrajectoryUpsert() {
    }

    static List<UpsertOutcome> run(Connection connection, String namespace, List<Prepared> batch, boolean atomic) throws SQLException {
        Map<String, String> stored = storedHashes(connection, namespace, batch);
        if (atomic && batch.stream().anyMatch(p -> conflicts(stored, p))) {
            List<UpsertOutcome> refused = new ArrayList<>(batch.size());
            for (Prepared p : batch) {
                String id = p.trajectory().trajectoryId();
                refused.add(conflicts(stored, p) ? UpsertOutcome.conflict(id) : UpsertOutcome.notStored(id));
            }
            return refused;
        }
        List<UpsertOutcome> outcomes = new ArrayList<>(batch.size());
        try (PreparedStatement row = connection.prepareStatement(INSERT_ROW);
             PreparedStatement body = connection.prepareStatement(INSERT_BODY);
             ChangeFeed.Appender changes = new ChangeFeed.Appender(connection)) {
            for (Prepared p : batch) {
                Trajectory t = p.trajectory();
                String known = stored.get(t.trajectoryId());
                if (known != null) {
                    outcomes.add(known.equals(p.hash()) ? UpsertOutcome.unchanged(t.trajectoryId()) : UpsertOutcome.conflict(t.trajectoryId()));
                    continue;
                }
                SqlFragment.bindAll(row, namespace, t.trajectoryId(), t.agentId(), t.taskId(), t.domain(),
                        TrajectoryColumns.outcome(t.finalOutcome()), TrajectoryColumns.reward(t), t.createdAt().getEpochSecond(),
                        t.createdAt().getNano(), t.loss(), p.hash());
                row.executeUpdate();
                body.setString(1, p.body());
                body.executeUpdate();
                long sequence = changes.append(namespace, Change.Kind.INSERT, TrajectoryColumns.replayItem(t));
                // a second item with this id later in the batch is judged against this one
                stored.put(t.trajectoryId(), p.hash());
                outcomes.add(UpsertOutcome.inserted(t.trajectoryId(), sequence));
            }
        }
        return outcomes;
    }

    private static boolean conflicts(Map<String, String> stored, Prepared p) {
        String known = stored.get(p.trajectory().trajectoryId());
        return known != null && !known.equals(p.hash());
    }

    private static Map<String, String> storedHashes(Connection connection, String namespace, List<Prepared> batch) throws SQLException {
        Map<String, String> stored = new HashMap<>();
        try (PreparedStatement find = connection.prepareStatement(FIND)) {
            find.setString(1, namespace);
            for (Prepared p : batch) {
                find.setString(2, p.trajectory().trajectoryId());
                try (ResultSet row = find.executeQuery()) {
                    if (row.next()) {
                        stored.put(p.trajectory().trajectoryId(), row.getString(1));
                    }
                }
            }
        }
        return stored;
    }
}
