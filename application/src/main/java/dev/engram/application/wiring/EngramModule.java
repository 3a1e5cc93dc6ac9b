package dev.engram.application.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import dev.engram.application.config.ConfigSection;
import dev.engram.application.config.BufferPolicy;
import dev.engram.application.config.EngramSettings;
import dev.engram.application.port.out.Clock;
import dev.engram.application.port.out.Consolidator;
import dev.engram.application.port.out.ExperienceLog;
import dev.engram.application.port.out.HotTier;
import dev.engram.application.port.out.MemoryStore;
import dev.engram.application.port.out.RandomSource;
import dev.engram.application.port.out.ReplaySnapshotStore;
import dev.engram.application.port.out.TrajectoryStore;
import dev.engram.application.service.EngramServices;
import dev.engram.application.service.HeuristicConsolidator;
import dev.engram.application.service.TieredTrajectoryStore;
import dev.engram.domain.memory.TokenCounter;
import java.util.Objects;
import java.util.Optional;

/**
 * Binds every port exactly once from the plugins the configuration names for each role, and provides the use
 * cases. The composition root adds what is its own: the clock, randomness, the tokenizer and the snapshot store.
 */
public final class EngramModule extends AbstractModule {
    private final EngramSettings settings;
    private final ConfigSection root;
    private final PluginRegistry registry;
    private final boolean createIfMissing;

    public EngramModule(EngramSettings settings, ConfigSection root, PluginRegistry registry, boolean createIfMissing) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.root = Objects.requireNonNull(root, "root");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.createIfMissing = createIfMissing;
    }

    @Override
    protected void configure() {
        // a buffer plugin may put a hot tier in front of the storage (redis does): see services()
        OptionalBinder.newOptionalBinder(binder(), HotTier.class);
        // the buffer role binds the experience log and the policy of its write buffer
        OptionalBinder.newOptionalBinder(binder(), ExperienceLog.class);
        OptionalBinder.newOptionalBinder(binder(), BufferPolicy.class);
        install(moduleFor(Role.STORAGE, settings.storage()));
        if (settings.buffer() != null) {
            install(moduleFor(Role.BUFFER, settings.buffer()));
        }
        if (HeuristicConsolidator.NAME.equals(settings.consolidator())) {
            bind(Consolidator.class).toInstance(new HeuristicConsolidator());
        } else {
            install(moduleFor(Role.CONSOLIDATOR, settings.consolidator()));
        }
    }

    private com.google.inject.Module moduleFor(Role role, String name) {
        AdapterPlugin plugin = registry.require(role, name);
        return plugin.module(role, new PluginContext(root.section(plugin.name()), settings.dataDir(), createIfMissing));
    }

    @Provides
    @Singleton
    EngramServices services(TrajectoryStore store, Optional<HotTier> hot, MemoryStore memories, Consolidator consolidator,
                            ReplaySnapshotStore snapshots, TokenCounter tokens, Clock clock, RandomSource random,
                            Optional<ExperienceLog> log, Optional<BufferPolicy> policy) {
        TrajectoryStore serving = hot.<TrajectoryStore>map(tier -> new TieredTrajectoryStore(store, tier)).orElse(store);
        if (log.isPresent() != policy.isPresent()) {
            throw new IllegalStateException("the buffer plugin '" + settings.buffer() + "' must bind both an ExperienceLog and a BufferPolicy");
        }
        return new EngramServices(settings, serving, memories, consolidator, snapshots, tokens, clock, random,
                log.orElse(null), policy.orElse(null));
    }

    @Provides
    EngramSettings settings() {
        return settings;
    }
}
