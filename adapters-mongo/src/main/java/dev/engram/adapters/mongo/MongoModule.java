package dev.engram.adapters.mongo;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.engram.application.port.out.MemoryStore;
import dev.engram.application.port.out.TrajectoryStore;
import java.util.Objects;

/**
 * Binds the ports of the {@code storage} role to one MongoDB client, opened when the stores are first asked for
 * (not when the module is built), so that an unreachable MongoDB stops engram at start with "backend unavailable".
 */
public final class MongoModule extends AbstractModule {
    private final MongoConfig config;

    public MongoModule(MongoConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Provides
    @Singleton
    MongoBackend backend() {
        return new MongoBackend(config);
    }

    @Provides
    @Singleton
    TrajectoryStore trajectoryStore(MongoBackend backend) {
        backend.connect(); // connect and set up indexes now: an unreachable MongoDB is reported at start, not mid-command
        return new MongoTrajectoryStore(backend);
    }

    @Provides
    @Singleton
    MemoryStore memoryStore(MongoBackend backend) {
        return new MongoMemoryStore(backend);
    }
}
