package dev.engram.adapters.redis;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import dev.engram.application.config.BufferPolicy;
import dev.engram.application.port.out.ExperienceLog;
import java.util.Objects;

/**
 * The ports of the {@code buffer} role: the {@link ExperienceLog} on Redis Streams with the write buffer's policy
 * ({@code redis.buffer}), and the hot tier ({@link RedisHotTierModule}) so that reads fall through hot → long-term.
 * The log has its own connection, opened on first use: a Redis that is down when engram starts only makes records
 * fall back to the long-term store until it is back.
 */
public final class RedisBufferModule extends AbstractModule {
    private final RedisConfig config;
    private final BufferPolicy policy;
    private final int partitions;

    public RedisBufferModule(RedisConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        RedisBufferConfig buffer = RedisBufferConfig.from(config.buffer());
        this.policy = buffer.policy();
        this.partitions = buffer.partitions();
    }

    @Override
    protected void configure() {
        install(new RedisHotTierModule(config));
        OptionalBinder.newOptionalBinder(binder(), ExperienceLog.class).setBinding().to(RedisExperienceLog.class);
        OptionalBinder.newOptionalBinder(binder(), BufferPolicy.class).setBinding().toInstance(policy);
    }

    @Provides
    @Singleton
    RedisExperienceLog experienceLog() {
        return new RedisExperienceLog(new RedisBackend(config), partitions, policy.maxLen());
    }
}
