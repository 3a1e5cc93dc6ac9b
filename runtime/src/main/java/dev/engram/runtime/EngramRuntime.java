package dev.engram.runtime;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import dev.engram.application.config.ConfigSection;
import dev.engram.application.config.EngramSettings;
import dev.engram.application.port.out.Clock;
import dev.engram.application.port.out.ExperienceLog;
import dev.engram.application.port.out.HotTier;
import dev.engram.application.port.out.MemoryStore;
import dev.engram.application.port.out.RandomSource;
import dev.engram.application.port.out.ReplaySnapshotStore;
import dev.engram.application.port.out.TrajectoryStore;
import dev.engram.application.service.EngramServices;
import dev.engram.application.wiring.EngramModule;
import dev.engram.application.wiring.PluginRegistry;
import dev.engram.domain.error.DomainException;
import dev.engram.domain.memory.TokenCounter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A started engram: configuration read and validated, plugins found (class path and {@code plugins/}), ports bound
 * once each, use cases ready. Both front ends start one; closing it closes the stores.
 */
public final class EngramRuntime implements AutoCloseable {
    /**
     * Guice logs a module's failure on java.util.logging, at INFO with a stack trace, before it throws: a plugin that
     * cannot start (a missing plugin, a corrupt file) is reported by the front end once, in its own words. Held
     * here because java.util.logging keeps its loggers only weakly.
     */
    private static final Logger GUICE_LOG = quiet(Logger.getLogger("com.google.inject"));

    private final EngramSettings settings;
    private final EngramServices services;
    private final List<AutoCloseable> closeables;

    private EngramRuntime(EngramSettings settings, EngramServices services, List<AutoCloseable> closeables) {
        this.settings = settings;
        this.services = services;
        this.closeables = closeables;
    }

    private static Logger quiet(Logger logger) {
        logger.setLevel(Level.WARNING);
        return logger;
    }

    /** Options of a start: where configuration comes from and whether a missing data dir may be created. */
    public record Options(Path configFile, Map<String, String> env, Map<String, String> flags, boolean createIfMissing) {
    }

    /**
     * The configuration read and validated and the plugins found, nothing opened yet: a front end can check what it
     * needs (the data dir, the limits) and then start from it without reading and discovering everything again.
     */
    public record Configured(Options options, ConfigSection root, PluginRegistry registry, EngramSettings settings) {
    }

    public static Configured configure(Options options) {
        ConfigSection root = ConfigLoader.load(options.configFile(), options.env(), options.flags());
        PluginRegistry registry = PluginRegistry.discover(EngramRuntime.class.getClassLoader(), root.path("plugins_dir", Path.of("plugins")));
        return new Configured(options, root, registry, EngramSettings.from(root, Set.copyOf(registry.names())));
    }

    /** Reads the configuration only (to know the data dir before anything is opened). */
    public static EngramSettings settings(Options options) {
        return configure(options).settings();
    }

    public static EngramRuntime start(Options options) {
        return start(configure(options));
    }

    public static EngramRuntime start(Configured configured) {
        Options options = configured.options();
        ConfigSection root = configured.root();
        PluginRegistry registry = configured.registry();
        EngramSettings settings = configured.settings();
        TokenCounter tokens = JtokkitTokenCounter.of(settings.tokenizer());
        Injector injector;
        try {
            injector = Guice.createInjector(Stage.PRODUCTION, new EngramModule(settings, root, registry, options.createIfMissing()),
                    new AbstractModule() {
                        @Override
                        protected void configure() {
                            bind(Clock.class).toInstance(Clock.system());
                            bind(RandomSource.class).toInstance(new SystemRandomSource());
                            bind(TokenCounter.class).toInstance(tokens);
                            bind(ReplaySnapshotStore.class).toInstance(new FileReplaySnapshotStore(settings.dataDir()));
                        }
                    });
        } catch (CreationException | ProvisionException e) {
            throw unwrap(e);
        }
        List<AutoCloseable> closeables = new ArrayList<>();
        List<Object> ports = new ArrayList<>(List.of(injector.getInstance(TrajectoryStore.class), injector.getInstance(MemoryStore.class)));
        injector.getInstance(Key.get(new TypeLiteral<Optional<HotTier>>() { })).ifPresent(ports::add); // a buffer's hot tier
        injector.getInstance(Key.get(new TypeLiteral<Optional<ExperienceLog>>() { })).ifPresent(ports::add); // and its log
        for (Object port : ports) {
            if (port instanceof AutoCloseable closeable && !closeables.contains(closeable)) {
                closeables.add(closeable);
            }
        }
        return new EngramRuntime(settings, injector.getInstance(EngramServices.class), closeables);
    }

    /**
     * A plugin's own failure (a corrupt file, a bad key) is the user's error, not Guice's. Guice sets a cause only when
     * every error it collected has the same one; a store that fails once per port it provides gives several, so each
     * collected error is looked at.
     */
    static RuntimeException unwrap(RuntimeException e) {
        List<Throwable> causes = new ArrayList<>();
        causes.add(e);
        if (e instanceof CreationException creation) {
            creation.getErrorMessages().forEach(message -> causes.add(message.getCause()));
        } else if (e instanceof ProvisionException provision) {
            provision.getErrorMessages().forEach(message -> causes.add(message.getCause()));
        }
        for (Throwable first : causes) {
            for (Throwable cause = first; cause != null; cause = cause.getCause()) {
                if (cause instanceof DomainException domain) {
                    return domain;
                }
            }
        }
        return e;
    }

    public EngramSettings settings() {
        return settings;
    }

    public EngramServices services() {
        return services;
    }

    @Override
    public void close() {
        for (AutoCloseable closeable : closeables) {
            try {
                closeable.close();
            } catch (Exception e) {
                // closing is best effort; every write was committed when it was acknowledged
            }
        }
    }
}
