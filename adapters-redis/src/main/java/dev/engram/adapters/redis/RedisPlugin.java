package dev.engram.adapters.redis;

import com.google.inject.Module;
import dev.engram.application.wiring.AdapterPlugin;
import dev.engram.application.wiring.PluginContext;
import dev.engram.application.wiring.Role;
import dev.engram.domain.error.DomainException;
import java.util.Set;

/**
 * The {@code redis} plugin: as {@code storage}, trajectories, the change feed and agent memory in Redis (a single
 * server, a Sentinel-monitored master or a Redis Cluster); as {@code buffer}, the write buffer in front of another
 * store.
 */
public final class RedisPlugin implements AdapterPlugin {
    public static final String NAME = "redis";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Role> roles() {
        return Set.of(Role.STORAGE, Role.BUFFER);
    }

    /** Reads and checks the {@code redis.*} section now; the connection is opened on first use. */
    @Override
    public Module module(Role role, PluginContext context) {
        RedisConfig config = RedisConfig.from(context.section());
        return switch (role) {
            case STORAGE -> new RedisModule(config);
            case BUFFER -> writeBufferModule(config);
            default -> throw DomainException.invalidArgument(role.key(), "plugin 'redis' serves as storage or buffer only");
        };
    }

    /**
     * The module of the {@code buffer} role: the ExperienceLog on Redis Streams with the write buffer's policy
     * ({@code redis.buffer.*}), and the hot tier in front of the storage.
     */
    Module writeBufferModule(RedisConfig config) {
        return new RedisBufferModule(config);
    }

    @Override
    public String description() {
        return "redis: trajectories, change feed and agent memory in Redis (server, Sentinel or Cluster); the write buffer";
    }
}
