package dev.engram.adapters.mongo;

import com.google.inject.Module;
import dev.engram.application.wiring.AdapterPlugin;
import dev.engram.application.wiring.PluginContext;
import dev.engram.application.wiring.Role;
import dev.engram.domain.error.DomainException;
import java.util.Set;

/**
 * The {@code mongo} plugin: as {@code storage}, trajectories, the change feed and agent memory in MongoDB (a
 * single server, a replica set or a sharded cluster), the long-term store behind a Redis buffer or on its own.
 */
public final class MongoPlugin implements AdapterPlugin {
    public static final String NAME = "mongo";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Role> roles() {
        return Set.of(Role.STORAGE);
    }

    /** Reads and checks the {@code mongo.*} section now; the connection is opened on first use. */
    @Override
    public Module module(Role role, PluginContext context) {
        if (role != Role.STORAGE) {
            throw DomainException.invalidArgument(role.key(), "plugin 'mongo' serves only as storage");
        }
        return new MongoModule(MongoConfig.from(context.section()));
    }

    @Override
    public String description() {
        return "mongo: trajectories, change feed and agent memory in MongoDB (server, replica set or sharded cluster)";
    }
}
