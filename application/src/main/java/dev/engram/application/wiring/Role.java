package dev.engram.application.wiring;

import java.util.Locale;

/**
 * The roles a configuration fills with one plugin each, so that every port is bound exactly once:
 * {@code storage} binds the {@code TrajectoryStore} and {@code MemoryStore}; {@code buffer} the
 * {@code ExperienceLog} in front of the storage (optional); {@code consolidator} the {@code Consolidator} (optional;
 * the built-in heuristic otherwise).
 */
public enum Role {
    STORAGE,
    BUFFER,
    CONSOLIDATOR;

    /** The configuration key that names the role's plugin. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
