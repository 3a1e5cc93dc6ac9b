package dev.engram.adapters.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

/**
 * What opening learns about an existing file before anything may write to it: that it is an SQLite database, whole,
 * engram's, of a schema version this code knows, and whether it may be written. Everything here reads — the file
 * itself through a read-only connection — so a file that fails is left byte for byte as it was.
 */
final class FileInspection {
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER_SIZE = 100;

    /** The schema version found (0: an empty database) and whether the file may be written. */
    record Verdict(int version, boolean writable) {
    }

    private FileInspection() {
    }

    static Verdict inspect(Path path, SqliteConfig config, Connections connections, SqliteFailures failures) {
        if (Files.isDirectory(path)) {
            throw failures.unusable("is a folder, not a file");
        }
        checkHeader(path, failures);
        int version;
        try (Connection connection = connections.reader(); Statement statement = connection.createStatement()) {
            version = checkSchema(statement, failures);
            if (config.quickCheck() && version > 0 && Files.size(path) <= config.quickCheckLimit()) {
                quickCheck(statement, failures);
            }
        } catch (SQLException e) {
            throw failures.translate(e, "open the database");
        } catch (java.io.IOException e) {
            throw failures.unusable("cannot be measured: " + e.getMessage());
        }
        return new Verdict(version, writable(path));
    }

    /**
     * The header says how many pages the file holds; a shorter file lost its end. Skipped while a write-ahead log
     * holds frames: a checkpoint cut short by a crash may have written the new header before the pages it counts,
     * and the log still holds them (quick_check reads through the log and judges that case).
     */
    private static void checkHeader(Path path, SqliteFailures failures) {
        try {
            long size = Files.size(path);
            if (size == 0) {
                return; // SQLite reads an empty file as an empty database
            }
            if (size < HEADER_SIZE) {
                throw failures.unusable("is not an SQLite database or is truncated: it holds only " + size + " bytes");
            }
            byte[] header = new byte[HEADER_SIZE];
            try (InputStream in = Files.newInputStream(path)) {
                if (in.readNBytes(header, 0, HEADER_SIZE) < HEADER_SIZE) {
                    throw failures.unusable("could not be read whole");
                }
            }
            ByteBuffer fields = ByteBuffer.wrap(header);
            for (int i = 0; i < MAGIC.length; i++) {
                if (header[i] != MAGIC[i]) {
                    throw failures.unusable("is not an SQLite database (it does not start with the SQLite header)");
                }
            }
            int pageSize = Short.toUnsignedInt(fields.getShort(16));
            long pageBytes = pageSize == 1 ? 65_536 : pageSize;
            long pages = Integer.toUnsignedLong(fields.getInt(28));
            boolean pageCountValid = fields.getInt(24) == fields.getInt(92);
            Path log = Path.of(path + "-wal");
            boolean logHoldsFrames = Files.exists(log) && Files.size(log) > 0;
            if (pageCountValid && pages > 0 && !logHoldsFrames && size < pages * pageBytes) {
                throw failures.unusable("is truncated: its header counts " + pages + " pages of " + pageBytes
                        + " bytes, but the file holds " + size + " bytes; restore it from a backup or an export");
            }
        } catch (IOException e) {
            throw failures.unusable("cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }

    private static int checkSchema(Statement statement, SqliteFailures failures) throws SQLException {
        int applicationId = intPragma(statement, "PRAGMA application_id");
        int version = intPragma(statement, "PRAGMA user_version");
        int objects;
        try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM sqlite_schema")) {
            objects = rows.next() ? rows.getInt(1) : 0;
        }
        if (applicationId != Schema.APPLICATION_ID && (applicationId != 0 || objects > 0)) {
            throw failures.unusable("is an SQLite database of another program (application_id " + applicationId
                    + ", " + objects + " tables and indexes); engram does not write into it");
        }
        if (version > Schema.CURRENT_VERSION) {
            throw failures.unusable("has schema version " + version + ", newer than this engram knows (up to "
                    + Schema.CURRENT_VERSION + "): use a newer engram; the file was left as it is");
        }
        return version;
    }

    private static void quickCheck(Statement statement, SqliteFailures failures) throws SQLException {
        try (ResultSet rows = statement.executeQuery("PRAGMA quick_check(1)")) {
            String first = rows.next() ? rows.getString(1) : "no answer";
            if (!"ok".equals(first)) {
                String problem = first.replace('\n', ' ');
                throw failures.unusable("is corrupt (PRAGMA quick_check: " + (problem.length() > 200 ? problem.substring(0, 200) + "…" : problem)
                        + "); engram leaves it as it is: restore it from a backup or an export");
            }
        }
    }

    private static int intPragma(Statement statement, String pragma) throws SQLException {
        try (ResultSet rows = statement.executeQuery(pragma)) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    /**
     * Writable for the user, and not marked read-only: a file whose mode grants no write at all is read-only by the
     * owner's choice, which engram honours even when it runs as root (root may write anything).
     */
    private static boolean writable(Path path) {
        if (!Files.isWritable(path)) {
            return false;
        }
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path);
            return mode.contains(PosixFilePermission.OWNER_WRITE) || mode.contains(PosixFilePermission.GROUP_WRITE)
                    || mode.contains(PosixFilePermission.OTHERS_WRITE);
        } catch (UnsupportedOperationException | IOException e) {
            return true; // no POSIX modes here: the access check above decided
        }
    }

    /** The mode of a file, for messages. */
    static String modeOf(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (UnsupportedOperationException | IOException e) {
            return "not writable";
        }
    }
}
