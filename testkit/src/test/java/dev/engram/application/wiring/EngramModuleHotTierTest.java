package dev.engram.application.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.multibindings.OptionalBinder;
import dev.engram.application.config.ConfigSection;
import dev.engram.application.config.EngramSettings;
import dev.engram.application.port.out.Clock;
import dev.engram.application.port.out.HotTier;
import dev.engram.application.port.out.MemoryStore;
import dev.engram.application.port.out.RandomSource;
import dev.engram.application.port.out.ReplaySnapshotStore;
import dev.engram.application.port.out.TrajectoryStore;
import dev.engram.application.service.EngramServices;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.memory.ApproximateTokenCounter;
import dev.engram.domain.memory.TokenCounter;
import dev.engram.domain.replay.ReplayRandom;
import dev.engram.testkit.InMemoryHotTier;
import dev.engram.testkit.InMemoryMemoryStore;
import dev.engram.testkit.InMemoryReplaySnapshotStore;
import dev.engram.testkit.InMemoryTrajectoryStore;
import dev.engram.testkit.Trajectories;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A buffer plugin that binds a hot tier puts it in front of the storage the use cases see; without one, nothing changes. */
class EngramModuleHotTierTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final InMemoryTrajectoryStore store = new InMemoryTrajectoryStore();
    private final InMemoryHotTier hot = new InMemoryHotTier(10);

    private final class Storage implements AdapterPlugin {
        public String name() {
            return "mem";
        }

        public Set<Role> roles() {
            return Set.of(Role.STORAGE);
        }

        public Module module(Role role, PluginContext context) {
            return new AbstractModule() {
                @Override
                protected void configure() {
                    bind(TrajectoryStore.class).toInstance(store);
                    bind(MemoryStore.class).toInstance(new InMemoryMemoryStore());
                }
            };
        }
    }

    private final class Buffer implements AdapterPlugin {
        public String name() {
            return "hot";
        }

        public Set<Role> roles() {
            return Set.of(Role.BUFFER);
        }

        public Module module(Role role, PluginContext context) {
            return new AbstractModule() {
                @Override
                protected void configure() {
                    OptionalBinder.newOptionalBinder(binder(), HotTier.class).setBinding().toInstance(hot);
                }
            };
        }
    }

    private EngramServices services(String buffer) {
        JsonObject config = buffer == null ? JsonObject.builder().put("storage", "mem").build()
                : JsonObject.builder().put("storage", "mem").put("buffer", buffer).build();
        ConfigSection root = ConfigSection.root(config);
        EngramSettings settings = EngramSettings.from(root, Set.of("mem", "hot"));
        Injector injector = Guice.createInjector(new EngramModule(settings, root, PluginRegistry.of(List.of(new Storage(), new Buffer())), true),
                new AbstractModule() {
                    @Override
                    protected void configure() {
                        bind(ReplaySnapshotStore.class).toInstance(new InMemoryReplaySnapshotStore());
                        bind(TokenCounter.class).toInstance(ApproximateTokenCounter.INSTANCE);
                        bind(Clock.class).toInstance(Clock.system());
                        bind(RandomSource.class).toInstance(seed -> ReplayRandom.seeded(seed == null ? 1 : seed));
                    }
                });
        return injector.getInstance(EngramServices.class);
    }

    @Test
    void withAHotTierBoundReadsGoThroughIt() {
        EngramServices services = services("hot");
        // a copy only the tier holds is found: the use cases read through the tier
        hot.put("ns", List.of(Trajectories.plain("cached").build())).block(WAIT);
        assertThat(services.get().get("ns", "cached").block(WAIT)).isNotNull();
    }

    @Test
    void withoutABufferTheStorageIsUsedAsItIs() {
        EngramServices services = services(null);
        hot.put("ns", List.of(Trajectories.plain("cached").build())).block(WAIT);
        assertThat(services.get().get("ns", "cached").block(WAIT)).isNull();
    }
}
