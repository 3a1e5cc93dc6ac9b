package dev.engram.adapters.sqlite;

import dev.engram.application.port.out.TrajectoryStore;
import dev.engram.testkit.TrajectoryStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteTrajectoryStoreTest extends TrajectoryStoreContract {
    @TempDir
    Path dir;

    private SqliteDatabase db;

    @Override
    protected TrajectoryStore createStore() {
        db = SqliteDatabase.open(SqliteConfig.defaults(dir), true);
        return new SqliteTrajectoryStore(db);
    }

    @AfterEach
    void closeFile() {
        db.close();
    }
}
