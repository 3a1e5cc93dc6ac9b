package dev.engram.adapters.sqlite;

import dev.engram.application.query.TrajectoryFilter;
import dev.engram.domain.json.JsonValue;
import dev.engram.domain.replay.ReplayItem;
import dev.engram.domain.trajectory.Outcome;
import dev.engram.domain.trajectory.ReadResult;
import dev.engram.domain.trajectory.Trajectory;
import dev.engram.domain.trajectory.TrajectoryReader;
import dev.engram.domain.trajectory.TrajectoryWriter;
import dev.engram.json.JsonCodec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * How a trajectory maps to the {@code trajectories} row and its {@code trajectory_bodies} JSON: the body is the wire
 * JSON (the one mapping, {@link TrajectoryWriter}), the columns copy what queries filter and order on, and the
 * {@code loss} column is the current priority, applied over the body's on the way back.
 */
final class TrajectoryColumns {
    /** The columns {@link #read} expects, joined from both tables. */
    static final String SELECT_STORED = selectStored("");

    /** As {@link #SELECT_STORED}, with an {@code INDEXED BY} clause or other text after the trajectories table. */
    static String selectStored(String afterTable) {
        return "SELECT t.loss, b.body FROM trajectories t" + afterTable + " JOIN trajectory_bodies b ON b.row_id = t.row_id";
    }

    private TrajectoryColumns() {
    }

    static String body(Trajectory trajectory) {
        return JsonCodec.instance().write(TrajectoryWriter.toJson(trajectory));
    }

    /** The reward as stored: {@code -0.0} folded into {@code 0.0}, which SQLite cannot tell apart anyway. */
    static double reward(Trajectory trajectory) {
        return trajectory.reward() + 0.0;
    }

    /** What the change feed records of a trajectory. */
    static ReplayItem replayItem(Trajectory t) {
        return new ReplayItem(t.trajectoryId(), t.createdAt(), t.agentId(), t.taskId(), t.domain(), t.finalOutcome(), t.loss());
    }

    /** A replay item from a row with the columns agent_id, task_id, domain, outcome, created_s and created_n. */
    static ReplayItem replayItem(ResultSet row, String trajectoryId, Double loss) throws SQLException {
        return new ReplayItem(trajectoryId, Instant.ofEpochSecond(row.getLong("created_s"), row.getInt("created_n")), row.getString("agent_id"),
                row.getString("task_id"), row.getString("domain"), outcome(row.getString("outcome")), loss);
    }

    static String outcome(Outcome outcome) {
        return outcome.wireName();
    }

    static Outcome outcome(String stored) {
        return Outcome.parse(stored).orElseThrow(() -> new IllegalStateException("unknown outcome '" + stored + "' in the database"));
    }

    static Double nullableDouble(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }

    /** Reads a row of {@link #SELECT_STORED}; a body that no longer reads back is corruption, named as such. */
    static Trajectory read(ResultSet row, SqliteFailures failures) throws SQLException {
        Double loss = nullableDouble(row, "loss");
        JsonValue json;
        try {
            json = JsonCodec.instance().parse(row.getString("body"));
        } catch (RuntimeException e) {
            throw failures.unusable("holds a trajectory whose JSON does not parse (" + e.getMessage() + ")");
        }
        ReadResult result = TrajectoryReader.readStored(json);
        if (!result.ok()) {
            throw failures.unusable("holds a trajectory that does not read back: " + result.violations().get(0));
        }
        return result.trajectory().withLoss(loss);
    }

    /** The WHERE clause of a filter within a namespace; {@code since} inclusive, {@code until} exclusive. */
    static SqlFragment where(String namespace, TrajectoryFilter filter) {
        SqlFragment where = SqlFragment.of(" WHERE t.namespace = ?", namespace);
        if (filter.agentId() != null) {
            where = where.then(" AND t.agent_id = ?", filter.agentId());
        }
        if (filter.taskId() != null) {
            where = where.then(" AND t.task_id = ?", filter.taskId());
        }
        if (filter.domain() != null) {
            where = where.then(" AND t.domain = ?", filter.domain());
        }
        if (filter.outcome() != null) {
            where = where.then(" AND t.outcome = ?", outcome(filter.outcome()));
        }
        if (filter.since() != null) {
            where = where.then(" AND (t.created_s, t.created_n) >= (?, ?)", filter.since().getEpochSecond(), filter.since().getNano());
        }
        if (filter.until() != null) {
            where = where.then(" AND (t.created_s, t.created_n) < (?, ?)", filter.until().getEpochSecond(), filter.until().getNano());
        }
        return where;
    }
}
