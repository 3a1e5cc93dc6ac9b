package dev.engram.adapters.sqlite;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.engram.application.port.out.MemoryStore;
import dev.engram.application.port.out.TrajectoryStore;
import java.util.Objects;

/**
 * Binds the {@link TrajectoryStore} and the {@link MemoryStore} to one SQLite file. The file is opened when a store
 * is first asked for, not when the module is built, so that building an injector (for {@code --help}, say) touches
 * nothing. Both stores share the open file; closing either one ({@link AutoCloseable}) closes it.
 */
public final class SqliteModule extends AbstractModule {
    private final SqliteConfig config;
    private final boolean createIfMissing;

    /**
     * @param config          the file and its settings
     * @param createIfMissing whether a missing file (and folder) may be created; read commands pass false
     */
    public SqliteModule(SqliteConfig config, boolean createIfMissing) {
        this.config = Objects.requireNonNull(config, "config");
        this.createIfMissing = createIfMissing;
    }

    @Provides
    @Singleton
    SqliteDatabase database() {
        return SqliteDatabase.open(config, createIfMissing);
    }

    @Provides
    @Singleton
    TrajectoryStore trajectoryStore(SqliteDatabase database) {
        return new SqliteTrajectoryStore(database);
    }

    @Provides
    @Singleton
    MemoryStore memoryStore(SqliteDatabase database) {
        return new SqliteMemoryStore(database);
    }
}
