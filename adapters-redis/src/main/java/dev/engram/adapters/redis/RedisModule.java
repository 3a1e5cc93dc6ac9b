package dev.engram.adapters.redis;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.engram.application.port.out.MemoryStore;
import dev.engram.application.port.out.TrajectoryStore;
import java.util.Objects;

/**
 * Binds the ports of the {@code storage} role to one Redis connection, opened when the stores are first asked for
 * (not when the module is built), so that an unreachable Redis stops engram at start with "backend unavailable".
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
        backend.commands(); // connect now: an unreachable Redis is reported when engram starts, not mid-command
        return new RedisTrajectoryStore(backend);
    }

    @Provides
    @Singleton
    MemoryStore memoryStore(RedisBackend backend) {
        return new RedisMemoryStore(backend);
    }
}
