package dev.engram.application.wiring;

import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The plugins found on the class path and in the jars of a plugins folder, by name. */
public final class PluginRegistry {
    private final Map<String, AdapterPlugin> plugins;

    private PluginRegistry(Map<String, AdapterPlugin> plugins) {
        this.plugins = Collections.unmodifiableMap(plugins);
    }

    /**
     * Finds plugins with {@link ServiceLoader}: those on the class path of {@code parent}, then those in every
     * {@code *.jar} of {@code pluginsDir} (which may be absent). Two plugins with one name refuse to start.
     */
    public static PluginRegistry discover(ClassLoader parent, Path pluginsDir) {
        ClassLoader loader = parent;
        List<URL> jars = jarsIn(pluginsDir);
        if (!jars.isEmpty()) {
            loader = new URLClassLoader("engram-plugins", jars.toArray(URL[]::new), parent);
        }
        Map<String, AdapterPlugin> found = new TreeMap<>();
        try {
            for (AdapterPlugin plugin : ServiceLoader.load(AdapterPlugin.class, loader)) {
                AdapterPlugin previous = found.putIfAbsent(plugin.name(), plugin);
                if (previous != null && previous.getClass() != plugin.getClass()) {
                    throw new DomainException(ErrorCode.INVALID_ARGUMENT, "two plugins are named '" + plugin.name() + "': "
                            + previous.getClass().getName() + " and " + plugin.getClass().getName());
                }
            }
        } catch (ServiceConfigurationError e) {
            throw new DomainException(ErrorCode.INVALID_ARGUMENT, "a plugin could not be loaded: " + e.getMessage());
        }
        return new PluginRegistry(found);
    }

    /** A registry of the given plugins (tests, embedding). */
    public static PluginRegistry of(List<AdapterPlugin> plugins) {
        Map<String, AdapterPlugin> byName = new TreeMap<>();
        plugins.forEach(p -> byName.put(p.name(), p));
        return new PluginRegistry(byName);
    }

    private static List<URL> jarsIn(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<URL> urls = new ArrayList<>();
            for (Path jar : files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().collect(Collectors.toList())) {
                urls.add(jar.toUri().toURL());
            }
            return urls;
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new DomainException(ErrorCode.INVALID_ARGUMENT, "cannot read the plugins folder " + dir + ": " + e.getMessage());
        }
    }

    public Optional<AdapterPlugin> find(String name) {
        return Optional.ofNullable(plugins.get(name));
    }

    public List<String> names() {
        return List.copyOf(plugins.keySet());
    }

    /** The plugin named for a role, or a start-up error that lists the plugins found. */
    public AdapterPlugin require(Role role, String name) {
        AdapterPlugin plugin = plugins.get(name);
        String found = plugins.isEmpty() ? "none" : plugins.values().stream()
                .map(p -> p.name() + " (" + p.roles().stream().map(Role::key).sorted().collect(Collectors.joining(", ")) + ")")
                .collect(Collectors.joining(", "));
        if (plugin == null) {
            throw DomainException.invalidArgument(role.key(), "no plugin named '" + name + "' was found; plugins found: " + found);
        }
        if (!plugin.roles().contains(role)) {
            throw DomainException.invalidArgument(role.key(), "plugin '" + name + "' cannot serve as " + role.key() + "; plugins found: " + found);
        }
        return plugin;
    }
}
