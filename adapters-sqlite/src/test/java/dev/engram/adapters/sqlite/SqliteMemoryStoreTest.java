package dev.engram.adapters.sqlite;

import dev.engram.application.port.out.MemoryStore;
import dev.engram.testkit.MemoryStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteMemoryStoreTest extends MemoryStoreContract {
    @TempDir
    Path dir;

    private SqliteDatabase db;

    @Override
    protected MemoryStore createStore() {
        db = SqliteDatabase.open(SqliteConfig.defaults(dir), true);
        return new SqliteMemoryStore(db);
    }

    @AfterEach
    void closeFile() {
        db.close();
    }
}
