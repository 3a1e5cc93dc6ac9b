package dev.engram.application.wiring;

import com.google.inject.Module;
import java.util.Set;

/**
 * A backend for one or more roles, found with {@link java.util.ServiceLoader} on the class path or in a jar dropped
 * into the {@code plugins/} folder (its {@code META-INF/services/dev.engram.application.wiring.AdapterPlugin} names
 * the class). A third party adds a backend by writing one such jar against {@code engram-application}.
 */
public interface AdapterPlugin {

    /** The name configurations use ({@code storage: sqlite}); lower case, unique. */
    String name();

    /** The roles this plugin can fill. */
    Set<Role> roles();

    /**
     * A Guice module that binds exactly the ports of the role, built from the plugin's configuration section.
     * Configuration errors are thrown here, as {@link dev.engram.domain.error.DomainException}s naming the key.
     */
    Module module(Role role, PluginContext context);

    /** One line for {@code --help} and for the list of plugins shown when a name is wrong. */
    default String description() {
        return name();
    }
}
