package dev.engram.adapters.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import dev.engram.domain.trajectory.Trajectory;
import dev.engram.testkit.Trajectories;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way a file can be unusable: each is reported as {@code backend_unavailable} (or {@code not_found}) with the
 * file named and what is wrong, and the file is left exactly as it was.
 */
class SqliteFileFailuresTest {
    private static final String NS = "default";

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve(SqliteConfig.FILE_NAME);
    }

    private SqliteConfig config() {
        return SqliteConfig.defaults(dir).withBusyTimeout(Duration.ofMillis(300));
    }

    /** A healthy file with some trajectories, closed (its log checkpointed into it). */
    private void fileWithData(int trajectories) {
        List<Trajectory> batch = new ArrayList<>();
        for (int i = 0; i < trajectories; i++) {
            batch.add(Trajectories.large("t" + i, 3_000));
        }
        try (SqliteDatabase db = SqliteDatabase.open(config(), true)) {
            new SqliteTrajectoryStore(db).upsert(NS, batch, true).block();
        }
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertOpenFails(ErrorCode code) {
        byte[] before = StoredFile.bytes(file());
        AbstractThrowableAssert<?, ? extends Throwable> failure = assertThatThrownBy(() -> SqliteDatabase.open(config(), true))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(code))
                .hasMessageContaining(file().toString())
                .hasMessageNotContaining("[SQLITE_");
        assertThat(StoredFile.bytes(file())).as("the file is untouched").isEqualTo(before);
        return failure;
    }

    @Test
    void aMissingFileIsNotFound_andNothingIsCreated() {
        Path missing = dir.resolve("absent").resolve("engram.db");
        assertThatThrownBy(() -> SqliteDatabase.open(config().withPath(missing), false))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND))
                .hasMessageContaining(missing.toString());
        assertThat(dir.resolve("absent")).doesNotExist();
    }

    @Test
    void aFileThatIsNotADatabaseIsRefused() throws IOException {
        Files.writeString(file(), "{\"these are\": \"my notes, not a database\"}\n".repeat(200), StandardCharsets.UTF_8);
        assertOpenFails(ErrorCode.BACKEND_UNAVAILABLE).hasMessageContaining("not an SQLite database");
    }

    @Test
    void aTruncatedFileIsRefused() throws IOException {
        fileWithData(200);
        try (RandomAccessFile raf = new RandomAccessFile(file().toFile(), "rw")) {
            raf.setLength(raf.length() / 2);
        }
        assertOpenFails(ErrorCode.BACKEND_UNAVAILABLE).hasMessageContaining("truncated");
    }

    @Test
    void aFileWithDamagedPagesIsRefused() throws IOException {
        fileWithData(200);
        long size = Files.size(file());
        try (RandomAccessFile raf = new RandomAccessFile(file().toFile(), "rw")) {
            // scribble over the pages of the second quarter: b-tree pages that no longer parse
            byte[] scribble = "garbage!".repeat(512).getBytes(StandardCharsets.US_ASCII);
            for (long at = size / 4; at < size / 2; at += scribble.length) {
                raf.seek(at);
                raf.write(scribble);
            }
        }
        assertOpenFails(ErrorCode.BACKEND_UNAVAILABLE).hasMessageContaining("corrupt");
    }

    @Test
    void aNewerSchemaIsRefused() {
        fileWithData(1);
        StoredFile.execute(file(), List.of("PRAGMA user_version = 99"));
        assertOpenFails(ErrorCode.BACKEND_UNAVAILABLE).hasMessageContaining("schema version 99").hasMessageContaining("newer");
    }

    @Test
    void anotherProgramsDatabaseIsRefused() {
        StoredFile.execute(file(), List.of("CREATE TABLE notes (text TEXT)", "INSERT INTO notes VALUES ('keep me')"));
        assertOpenFails(ErrorCode.BACKEND_UNAVAILABLE).hasMessageContaining("another program");
    }

    @Test
    void aFolderInPlaceOfTheFileIsRefused() throws IOException {
        Files.createDirectories(file());
        assertThatThrownBy(() -> SqliteDatabase.open(config(), true))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BACKEND_UNAVAILABLE))
                .hasMessageContaining("folder");
    }

    @Test
    void aFileLockedByAnotherProcessFailsAfterTheBusyTimeout() throws Exception {
        fileWithData(1);
        try (Connection other = StoredFile.connect(file()); Statement statement = other.createStatement()) {
            // another program holding the whole file: not even readers get in
            statement.execute("PRAGMA locking_mode = EXCLUSIVE");
            statement.execute("BEGIN EXCLUSIVE");
            assertOpenFails(ErrorCode.BACKEND_UNAVAILABLE).hasMessageContaining("locked").hasMessageContaining("300 ms");
            statement.execute("ROLLBACK");
        }
    }

    @Test
    void aWriteLockHeldPastTheBusyTimeoutFailsTheWrite_readsGoOn() throws Exception {
        fileWithData(1);
        try (SqliteDatabase db = SqliteDatabase.open(config(), false);
             Connection other = StoredFile.connect(file());
             Statement statement = other.createStatement()) {
            SqliteTrajectoryStore store = new SqliteTrajectoryStore(db);
            statement.execute("BEGIN IMMEDIATE");
            byte[] before = StoredFile.bytes(file());
            assertThatThrownBy(() -> store.upsert(NS, List.of(Trajectories.plain("blocked").build()), true).block())
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BACKEND_UNAVAILABLE))
                    .hasMessageContaining(file().toString())
                    .hasMessageContaining("locked by another process")
                    .hasMessageNotContaining("[SQLITE_");
            assertThat(store.get(NS, "t0").block()).isNotNull();
            statement.execute("ROLLBACK");
            assertThat(StoredFile.bytes(file())).isEqualTo(before);
            assertThat(store.get(NS, "blocked").block()).isNull();
        }
    }

    @Test
    void aReadOnlyFileCanBeReadButNotWritten() throws IOException {
        fileWithData(1);
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("r--r--r--"));
        byte[] before = StoredFile.bytes(file());
        try (SqliteDatabase db = SqliteDatabase.open(config(), false)) {
            SqliteTrajectoryStore store = new SqliteTrajectoryStore(db);
            assertThat(store.get(NS, "t0").block()).isNotNull();
            assertThatThrownBy(() -> store.upsert(NS, List.of(Trajectories.plain("new").build()), true).block())
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BACKEND_UNAVAILABLE))
                    .hasMessageContaining(file().toString())
                    .hasMessageContaining("read-only");
            assertThatThrownBy(() -> new SqliteMemoryStore(db).delete(NS, "agent").block()).hasMessageContaining("read-only");
        }
        assertThat(StoredFile.bytes(file())).isEqualTo(before);
    }
}
