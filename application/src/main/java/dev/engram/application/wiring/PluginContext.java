package dev.engram.application.wiring;

import dev.engram.application.config.ConfigSection;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What a plugin gets to build its module: its own configuration section (keys named after the plugin, e.g.
 * {@code sqlite.path}), the data directory, and whether it may create what is missing (read commands must not
 * create a data dir).
 */
public record PluginContext(ConfigSection section, Path dataDir, boolean createIfMissing) {
    public PluginContext {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(dataDir, "dataDir");
    }
}
