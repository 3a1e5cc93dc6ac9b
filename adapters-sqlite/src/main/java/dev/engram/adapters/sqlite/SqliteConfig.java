package dev.engram.adapters.sqlite;

import dev.engram.application.config.ConfigSection;
import dev.engram.domain.error.DomainException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The settings of the {@code sqlite} plugin ({@code sqlite.*} in the configuration).
 *
 * @param path          the database file; {@code <data_dir>/engram.db} by default
 * @param busyTimeout   how long to wait for a lock another process holds before giving up ({@code busy_timeout}, 10s)
 * @param readPoolSize  read-only connections, each with its own thread ({@code read_pool_size}, 2)
 * @param synchronous   when a commit reaches the disk ({@code synchronous}, {@code full}); see {@link Synchronous}
 * @param quickCheck    whether opening runs {@code PRAGMA quick_check} ({@code quick_check}, true): it reads the
 *                      whole file, so that corruption is reported before anything is written next to it
 * @param quickCheckLimit the largest file checked at open ({@code quick_check_limit}, 256 MiB): the check costs about
 *                      2 ms per MiB, which a one-shot command on a store of millions of trajectories cannot pay every
 *                      time; a larger file is checked as it is read (SQLite refuses a corrupt page where it meets one,
 *                      reported like any corruption, and the header and schema checks still run at open)
 */
public record SqliteConfig(Path path, Duration busyTimeout, int readPoolSize, Synchronous synchronous, boolean quickCheck,
                           long quickCheckLimit) {
    public static final long DEFAULT_QUICK_CHECK_LIMIT = 256L << 20;
    public static final String FILE_NAME = "engram.db";
    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_READ_POOL_SIZE = 2;
    private static final int MAX_READ_POOL_SIZE = 64;
    private static final Set<String> KEYS = Set.of("path", "busy_timeout", "read_pool_size", "synchronous", "quick_check",
            "quick_check_limit");

    /**
     * SQLite's {@code synchronous} setting in WAL mode. {@code FULL} syncs the log on every commit, so a trajectory
     * reported stored survives a power loss; {@code NORMAL} syncs only at checkpoints: a process crash loses nothing,
     * a power loss may lose the last commits.
     */
    public enum Synchronous {
        FULL,
        NORMAL
    }

    public SqliteConfig {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(busyTimeout, "busyTimeout");
        Objects.requireNonNull(synchronous, "synchronous");
        if (busyTimeout.isNegative() || busyTimeout.toMillis() > Integer.MAX_VALUE) {
            throw DomainException.invalidArgument("sqlite.busy_timeout", "must be between 0s and 24d, got " + busyTimeout);
        }
        if (readPoolSize < 1 || readPoolSize > MAX_READ_POOL_SIZE) {
            throw DomainException.invalidArgument("sqlite.read_pool_size", "must be from 1 to " + MAX_READ_POOL_SIZE + ", got " + readPoolSize);
        }
        // the driver reads what follows a '?' in its URL as connection options
        if (path.toString().contains("?")) {
            throw DomainException.invalidArgument("sqlite.path", "must not contain '?', got '" + path + "'");
        }
    }

    /** The defaults for a data directory. */
    public static SqliteConfig defaults(Path dataDir) {
        return new SqliteConfig(dataDir.resolve(FILE_NAME), DEFAULT_BUSY_TIMEOUT, DEFAULT_READ_POOL_SIZE, Synchronous.FULL, true, DEFAULT_QUICK_CHECK_LIMIT);
    }

    /** Reads the plugin's section; unknown keys and bad values are refused with the key named. */
    public static SqliteConfig from(ConfigSection section, Path dataDir) {
        section.refuseUnknown(KEYS);
        SqliteConfig defaults = defaults(dataDir);
        Path path = section.path("path", defaults.path());
        String synchronous = section.string("synchronous", "full").trim().toUpperCase(Locale.ROOT);
        if (!Set.of("FULL", "NORMAL").contains(synchronous)) {
            throw section.bad("synchronous", "must be full or normal, got '" + section.string("synchronous", "") + "'");
        }
        return new SqliteConfig(
                path.isAbsolute() ? path : dataDir.resolve(path),
                section.duration("busy_timeout", defaults.busyTimeout()),
                (int) section.integer("read_pool_size", defaults.readPoolSize(), 1, MAX_READ_POOL_SIZE),
                Synchronous.valueOf(synchronous),
                section.bool("quick_check", defaults.quickCheck()),
                section.integer("quick_check_limit", DEFAULT_QUICK_CHECK_LIMIT, 0, Long.MAX_VALUE));
    }

    /** The same settings with another path (tests, tools). */
    public SqliteConfig withPath(Path other) {
        return new SqliteConfig(other, busyTimeout, readPoolSize, synchronous, quickCheck, quickCheckLimit);
    }

    /** The same settings with another busy timeout (tests, tools). */
    public SqliteConfig withBusyTimeout(Duration other) {
        return new SqliteConfig(path, other, readPoolSize, synchronous, quickCheck, quickCheckLimit);
    }

    /** The same settings with another durability (benchmarks). */
    public SqliteConfig withSynchronous(Synchronous other) {
        return new SqliteConfig(path, busyTimeout, readPoolSize, other, quickCheck, quickCheckLimit);
    }
}
