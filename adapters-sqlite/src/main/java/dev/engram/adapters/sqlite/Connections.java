package dev.engram.adapters.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/** Opens the JDBC connections to the file: the one writer and the read-only ones. */
final class Connections {
    static final int PAGE_SIZE = 8_192;
    private final String url;
    private final SqliteConfig settings;

    Connections(Path path, SqliteConfig settings) {
        this.url = "jdbc:sqlite:" + path;
        this.settings = settings;
    }

    /**
     * A connection that the operating system lets read only: whatever runs on it cannot change a byte of the file,
     * which is why opening inspects a file through one before anything else touches it.
     */
    Connection reader() throws SQLException {
        SQLiteConfig config = base();
        config.setReadOnly(true);
        return config.createConnection(url);
    }

    /**
     * The writer: WAL (readers run beside it), the configured durability, foreign keys on. It creates the file only
     * when {@code create} is set. Transactions are begun explicitly ({@code BEGIN IMMEDIATE}), never by the driver.
     */
    Connection writer(boolean create) throws SQLException {
        SQLiteConfig config = base();
        if (!create) {
            config.resetOpenMode(SQLiteOpenMode.CREATE);
        }
        Connection connection = config.createConnection(url);
        try (Statement statement = connection.createStatement()) {
            if (create) {
                // a ~2 KB trajectory body fills half a 4 KB page and the other half stays empty: 4.5 KB of file per
                // trajectory. 8 KB pages take 3.2 KB; 16 KB pages 2.8 KB, but every single-trajectory commit then
                // logs ~12 pages of 16 KB (docs/benchmarks.md). Fixed when the file is created.
                statement.execute("PRAGMA page_size = " + PAGE_SIZE);
            }
            try (ResultSet mode = statement.executeQuery("PRAGMA journal_mode = WAL")) {
                String journal = mode.next() ? mode.getString(1) : null;
                if (!"wal".equalsIgnoreCase(journal)) {
                    throw new SQLException("the file system refused write-ahead logging (journal mode " + journal + ")");
                }
            }
            statement.execute("PRAGMA synchronous = " + settings.synchronous().name());
            statement.execute("PRAGMA foreign_keys = ON");
            // after a checkpoint, the log file shrinks back to this size instead of keeping its peak
            statement.execute("PRAGMA journal_size_limit = 67108864");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    private SQLiteConfig base() {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout((int) settings.busyTimeout().toMillis());
        return config;
    }
}
