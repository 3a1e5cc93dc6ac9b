package dev.engram.domain.error;

import java.util.Locale;

/**
 * The stable list of error codes that every front end shows (CLI exit codes and HTTP statuses are mapped from
 * these in one place each). The wire name is the lower-case enum name.
 */
public enum ErrorCode {
    /** The input is not well-formed JSON (or JSON Lines). */
    MALFORMED_JSON,
    /** A trajectory (or a batch of them) broke one or more validation rules. */
    INVALID_TRAJECTORY,
    /** An argument of a command or query is out of range or malformed. */
    INVALID_ARGUMENT,
    /**
     * Input data other than a trajectory broke validation rules: a line of a priorities file, a memory file to
     * import. Like {@link #INVALID_TRAJECTORY}, every problem is reported by field and nothing is stored.
     */
    INVALID_INPUT,
    /** The same id was recorded before with different content. */
    CONFLICT,
    NOT_FOUND,
    TOO_LARGE,
    UNAUTHORIZED,
    FORBIDDEN,
    RATE_LIMITED,
    BACKEND_UNAVAILABLE,
    INTERNAL;

    /** The snake_case name used on the wire, e.g. {@code invalid_trajectory}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
