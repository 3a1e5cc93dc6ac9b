package dev.engram.adapters.sqlite;

import com.google.inject.Module;
import dev.engram.application.wiring.AdapterPlugin;
import dev.engram.application.wiring.PluginContext;
import dev.engram.application.wiring.Role;
import dev.engram.domain.error.DomainException;
import java.util.Set;

/** The embedded default store: trajectories, change feed and memory aggregates in one SQLite file. */
public final class SqlitePlugin implements AdapterPlugin {
    public static final String NAME = "sqlite";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Role> roles() {
        return Set.of(Role.STORAGE);
    }

    /** Reads and checks the {@code sqlite.*} section now; the file itself is opened on first use. */
    @Override
    public Module module(Role role, PluginContext context) {
        if (role != Role.STORAGE) {
            throw DomainException.invalidArgument(role.key(), "plugin 'sqlite' serves only as storage");
        }
        return new SqliteModule(SqliteConfig.from(context.section(), context.dataDir()), context.createIfMissing());
    }

    @Override
    public String description() {
        return "sqlite: trajectories, change feed and agent memory in one local file (WAL), the default store";
    }
}
