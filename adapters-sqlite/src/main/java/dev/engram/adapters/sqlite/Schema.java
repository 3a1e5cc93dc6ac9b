package dev.engram.adapters.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The file's schema, versioned with {@code PRAGMA user_version}: migration {@code i} takes version {@code i} to
 * {@code i + 1}, and they run in order, inside the writer's transaction, so a file is always at one whole version.
 * {@code PRAGMA application_id} marks the file as engram's, so that engram never adds its tables to another
 * program's database.
 *
 * <p>Times are two integers, epoch seconds and nano-of-second: they sort exactly over every instant a client can
 * send (epoch nanos in one 64-bit integer would end in 2262). Rewards are stored with {@code -0.0} folded into
 * {@code 0.0} so that SQL and Java order them alike.
 *
 * <p>Indexes, with the queries they serve (every query of the contract suite and of the CLI):
 * <ul>
 *   <li>{@code ux_trajectories_id (namespace, trajectory_id)}: get, getAll, the upsert's existence check, delete,
 *       loss updates, replay counts; also the first step of listing namespaces (min namespace above another)</li>
 *   <li>{@code ix_trajectories_time (namespace, created_s, created_n, trajectory_id)}: query NEWEST_FIRST and
 *       OLDEST_FIRST (with since/until and without other filters), streamAll, deleteOlderThan, count with a time range</li>
 *   <li>{@code ix_trajectories_agent (namespace, agent_id, created…)}: query/count/statistics of one agent in time
 *       order, deleteAgent</li>
 *   <li>{@code ix_trajectories_task (namespace, task_id, created…)}: query/count/statistics of one task in time order</li>
 *   <li>{@code ix_trajectories_domain (namespace, domain, created…)}: query/count of one domain in time order</li>
 *   <li>{@code ix_trajectories_reward (namespace, reward, created…)}: query REWARD_DESC / REWARD_ASC over a namespace</li>
 *   <li>{@code ix_trajectories_top (namespace, task_id, outcome, reward, created…)}: the best and worst of a task
 *       ({@code top --task T --successes|--failures}: REWARD_DESC / REWARD_ASC filtered by task and outcome; named
 *       with {@code INDEXED BY}, see {@link PageOrder#indexHint})</li>
 *   <li>{@code ix_changes_feed (namespace, seq)}: changesSince, lastSequence</li>
 *   <li>{@code ix_changes_agent_inserts (namespace, agent_id, seq) WHERE kind = 'insert'}: insertsOfAgentSince</li>
 *   <li>{@code memories} primary key {@code (namespace, agent_id)}: load, save, delete, streamAll in agent order</li>
 * </ul>
 * Statistics group a namespace's rows (or one agent's, one task's) in one pass per grouping over the narrow
 * {@code trajectories} table: the JSON bodies live in {@code trajectory_bodies} so that scans never read them.
 */
final class Schema {
    /** "engr" in ASCII. */
    static final int APPLICATION_ID = 0x656e6772;

    private static final List<List<String>> MIGRATIONS = List.of(List.of(
            "CREATE TABLE trajectories ("
                    + " row_id INTEGER PRIMARY KEY,"
                    + " namespace TEXT NOT NULL,"
                    + " trajectory_id TEXT NOT NULL,"
                    + " agent_id TEXT NOT NULL,"
                    + " task_id TEXT NOT NULL,"
                    + " domain TEXT NOT NULL,"
                    + " outcome TEXT NOT NULL,"
                    + " reward REAL NOT NULL,"
                    + " created_s INTEGER NOT NULL,"
                    + " created_n INTEGER NOT NULL,"
                    + " loss REAL,"
                    + " replays INTEGER NOT NULL DEFAULT 0,"
                    + " content_hash TEXT NOT NULL)",
            "CREATE UNIQUE INDEX ux_trajectories_id ON trajectories (namespace, trajectory_id)",
            "CREATE INDEX ix_trajectories_time ON trajectories (namespace, created_s, created_n, trajectory_id)",
            "CREATE INDEX ix_trajectories_agent ON trajectories (namespace, agent_id, created_s, created_n, trajectory_id)",
            "CREATE INDEX ix_trajectories_task ON trajectories (namespace, task_id, created_s, created_n, trajectory_id)",
            "CREATE INDEX ix_trajectories_domain ON trajectories (namespace, domain, created_s, created_n, trajectory_id)",
            "CREATE INDEX ix_trajectories_reward ON trajectories (namespace, reward, created_s, created_n, trajectory_id)",
            "CREATE INDEX ix_trajectories_top ON trajectories (namespace, task_id, outcome, reward, created_s, created_n, trajectory_id)",
            "CREATE TABLE trajectory_bodies ("
                    + " row_id INTEGER PRIMARY KEY REFERENCES trajectories (row_id) ON DELETE CASCADE,"
                    + " body TEXT NOT NULL)",
            // AUTOINCREMENT: a sequence is never handed out twice, not even after the newest change is removed
            "CREATE TABLE changes ("
                    + " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                    + " namespace TEXT NOT NULL,"
                    + " kind TEXT NOT NULL,"
                    + " trajectory_id TEXT NOT NULL,"
                    + " agent_id TEXT NOT NULL,"
                    + " task_id TEXT NOT NULL,"
                    + " domain TEXT NOT NULL,"
                    + " outcome TEXT NOT NULL,"
                    + " created_s INTEGER NOT NULL,"
                    + " created_n INTEGER NOT NULL,"
                    + " loss REAL)",
            "CREATE INDEX ix_changes_feed ON changes (namespace, seq)",
            "CREATE INDEX ix_changes_agent_inserts ON changes (namespace, agent_id, seq) WHERE kind = 'insert'",
            // kept with every replay count change and delete, so that the total is one row read, not a scan
            "CREATE TABLE replay_totals (namespace TEXT PRIMARY KEY, total INTEGER NOT NULL) WITHOUT ROWID",
            "CREATE TABLE memories ("
                    + " namespace TEXT NOT NULL,"
                    + " agent_id TEXT NOT NULL,"
                    + " version INTEGER NOT NULL,"
                    + " state TEXT NOT NULL,"
                    + " PRIMARY KEY (namespace, agent_id))"));

    /** The version this code writes and the newest it can read. */
    static final int CURRENT_VERSION = MIGRATIONS.size();

    private Schema() {
    }

    /**
     * Brings the schema from {@code from} to {@link #CURRENT_VERSION}; the caller holds the write transaction and
     * has checked that {@code from} is not newer.
     */
    static void migrate(Connection connection, int from) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (int version = from; version < CURRENT_VERSION; version++) {
                for (String sql : MIGRATIONS.get(version)) {
                    statement.execute(sql);
                }
            }
            statement.execute("PRAGMA application_id = " + APPLICATION_ID);
            statement.execute("PRAGMA user_version = " + CURRENT_VERSION);
        }
    }
}
