package dev.engram.app.http;

import dev.engram.domain.error.DomainException;
import java.io.PrintWriter;

/** Exit codes as the command's (INTERFACES.md): the user's errors in their words, a bug in one line plus its trace. */
final class Failures {
    static final int OK = 0;
    static final int BUG = 1;
    static final int USAGE = 2;
    static final int INVALID = 3;
    static final int NOT_FOUND = 4;
    static final int BACKEND = 5;

    private Failures() {
    }

    static int report(Throwable e, PrintWriter err) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainException domain) {
                err.println("engram-server: " + domain.getMessage());
                domain.violations().stream().filter(v -> !domain.getMessage().contains(v.message())).forEach(v -> err.println("  " + v));
                err.flush();
                return switch (domain.code()) {
                    case INVALID_ARGUMENT -> USAGE;
                    case MALFORMED_JSON, INVALID_TRAJECTORY, INVALID_INPUT, CONFLICT, TOO_LARGE -> INVALID;
                    case NOT_FOUND -> NOT_FOUND;
                    case BACKEND_UNAVAILABLE -> BACKEND;
                    default -> BUG;
                };
            }
        }
        err.println("engram-server: unexpected failure (a bug): " + e);
        e.printStackTrace(err);
        err.flush();
        return BUG;
    }
}
