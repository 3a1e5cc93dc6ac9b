package dev.engram.app.cli;

import dev.engram.application.config.EngramSettings;
import dev.engram.application.service.EngramServices;
import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import dev.engram.runtime.EngramRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A started engram for one command: the configuration read (file, {@code ENGRAM_*} environment, flags), the data dir
 * checked before anything is opened, the use cases ready; closing it saves the replay snapshot when the command
 * used the replay index (so the next one-shot command loads it instead of rebuilding) and closes the stores.
 */
public final class Session implements AutoCloseable {
    /** The embedded default keeps everything in the data dir, so a missing dir means no data. */
    private static final String EMBEDDED_STORAGE = "sqlite";

    private final EngramRuntime runtime;
    private final String namespace;
    private boolean replayUsed;

    private Session(EngramRuntime runtime, String namespace) {
        this.runtime = runtime;
        this.namespace = namespace;
    }

    public static Session open(GlobalOptions options, Terminal terminal, Access access) {
        EngramRuntime.Configured configured = EngramRuntime.configure(options(options, terminal, access == Access.CREATE));
        if (access == Access.EXISTING) {
            requireDataDir(configured.settings());
        }
        return new Session(EngramRuntime.start(configured), options.namespace());
    }

    /** The settings alone: nothing is opened (for the checks a command makes before it starts engram). */
    public static EngramSettings settings(GlobalOptions options, Terminal terminal) {
        return EngramRuntime.settings(options(options, terminal, false));
    }

    private static EngramRuntime.Options options(GlobalOptions options, Terminal terminal, boolean create) {
        Map<String, String> flags = new HashMap<>();
        if (options.dataDir() != null) {
            flags.put("data_dir", options.dataDir().toString());
        }
        return new EngramRuntime.Options(options.config(), terminal.env(), flags, create);
    }

    private static void requireDataDir(EngramSettings settings) {
        Path dir = settings.dataDir().toAbsolutePath().normalize();
        if (EMBEDDED_STORAGE.equals(settings.storage()) && !Files.isDirectory(dir)) {
            throw new DomainException(ErrorCode.NOT_FOUND, "there is no engram data at " + dir + " (the data dir does not exist); "
                    + "record something first, or point --data-dir (or data_dir in the configuration) at your data");
        }
    }

    public EngramServices services() {
        return runtime.services();
    }

    public EngramSettings settings() {
        return runtime.settings();
    }

    public String namespace() {
        return namespace;
    }

    /** Marks the replay index as used: closing saves its snapshot. */
    public EngramServices replay() {
        replayUsed = true;
        return runtime.services();
    }

    @Override
    public void close() {
        try {
            if (replayUsed) {
                runtime.services().saveReplaySnapshot(namespace);
            }
        } finally {
            runtime.close();
        }
    }
}
