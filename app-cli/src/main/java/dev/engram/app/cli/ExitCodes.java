package dev.engram.app.cli;

import dev.engram.domain.error.ErrorCode;

/**
 * The command's exit codes (INTERFACES.md), and the one place where an error code becomes one.
 * <pre>
 * 0  done
 * 1  anything else: a bug (a short message names the log with the details)
 * 2  usage error: a bad flag or argument, a bad configuration, demo on a data dir that holds data, worker without a buffer
 * 3  invalid input or conflict: nothing stored (with --partial: something was rejected)
 * 4  not found: the id, the agent, or the data dir (read commands never create it)
 * 5  backend unavailable or unusable: locked, corrupt, read-only, a newer schema
 * </pre>
 */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int BUG = 1;
    public static final int USAGE = 2;
    public static final int INVALID_INPUT = 3;
    public static final int NOT_FOUND = 4;
    public static final int BACKEND = 5;

    private ExitCodes() {
    }

    public static int of(ErrorCode code) {
        switch (code) {
            case INVALID_ARGUMENT:
                return USAGE;
            case MALFORMED_JSON:
            case INVALID_TRAJECTORY:
            case INVALID_INPUT:
            case CONFLICT:
            case TOO_LARGE:
                return INVALID_INPUT;
            case NOT_FOUND:
                return NOT_FOUND;
            case BACKEND_UNAVAILABLE:
                return BACKEND;
            default:
                // unauthorized, forbidden, rate_limited belong to HTTP; internal is a bug
                return BUG;
        }
    }
}
