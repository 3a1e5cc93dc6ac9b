package dev.engram.app.cli;

import dev.engram.application.port.in.Namespaces;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The options every command takes, before or after its name ({@code engram --json stats} or {@code engram stats --json}). */
public final class GlobalOptions {
    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Configuration file (YAML or JSON); ENGRAM_* environment variables and flags override it.")
    Path config;

    @Option(names = "--data-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Where the embedded store keeps its data (default: ./engram-data, or data_dir of the configuration).")
    Path dataDir;

    @Option(names = "--namespace", paramLabel = "NS", scope = ScopeType.INHERIT, defaultValue = Namespaces.DEFAULT,
            description = "The tenant whose data to use (default: ${DEFAULT-VALUE}).")
    String namespace;

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "Print one JSON document instead of text (export always writes JSON Lines); errors too, on stderr.")
    boolean json;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Show full stack traces of unexpected errors and debug logs (or set ENGRAM_DEBUG=1).")
    boolean debug;

    public Path config() {
        return config;
    }

    public Path dataDir() {
        return dataDir;
    }

    public String namespace() {
        return namespace;
    }

    public boolean json() {
        return json;
    }

    public boolean debug() {
        return debug;
    }
}
