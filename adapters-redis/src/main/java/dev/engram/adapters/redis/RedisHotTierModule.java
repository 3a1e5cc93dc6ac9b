package dev.engram.adapters.redis;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import dev.engram.application.port.out.HotTier;
import java.util.Objects;

/**
 * Binds the {@link HotTier} (through the {@code OptionalBinder} engram's module declares) to Redis, with the
 * levels of {@code redis.tiers}: engram then reads through it in front of whatever store holds the trajectories.
 * The write buffer's module installs it; the tier has its own connection, so that it does not depend on which
 * other modules of this plugin are installed.
 */
public final class RedisHotTierModule extends AbstractModule {
    private final RedisConfig config;

    public RedisHotTierModule(RedisConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    protected void configure() {
        OptionalBinder.newOptionalBinder(binder(), HotTier.class).setBinding().to(RedisHotTier.class);
    }

    @Provides
    @Singleton
    RedisHotTier hotTier() {
        return new RedisHotTier(new RedisBackend(config), config.tiers());
    }
}
