package dev.engram.adapters.redis;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.engram.application.port.out.MemoryStore;
import dev.engram.application.port.out.TrajectoryStore;
import java.util.Objects;

/**
 * Binds the ports of the {@code storage} role to one Redis connection. The connection is opened when a store is
 * first used, not when the module is built.
 */
public final class RedisModule extends AbstractModule {
    private final RedisConfig config;

    public RedisModule(RedisConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Provides
    @Singleton
    RedisBackend backend() {
        return new RedisBackend(config);
    }

    @Provides
    @Singleton
    TrajectoryStore trajectoryStore(RedisBackend backend) {
        return new RedisTrajectoryStore(backend);
    }

    @Provides
    @Singleton
    MemoryStore memoryStore(RedisBackend backend) {
        return new RedisMemoryStore(backend);
    }
}
