package dev.engram.app.cli;

import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import dev.engram.domain.error.Violation;
import dev.engram.domain.json.JsonObject;
import dev.engram.json.JsonCodec;
import dev.engram.json.views.ErrorView;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Reports a command's failure on standard error and gives its exit code. A {@link DomainException} is the user's to
 * act on: its message and every problem, by field. Anything else is a bug: one short line naming a log file with
 * the stack trace (shown in full only with {@code --debug} or {@code ENGRAM_DEBUG}).
 */
public final class Failures {
    private final PrintWriter err;
    private final boolean json;
    private final boolean debug;

    public Failures(PrintWriter err, boolean json, boolean debug) {
        this.err = err;
        this.json = json;
        this.debug = debug;
    }

    public int report(Throwable failure, List<String> args) {
        DomainException domain = domainCause(failure);
        if (domain != null) {
            return report(domain);
        }
        Path log = writeLog(failure, args);
        String where = log == null ? "no log could be written" : "details in " + log;
        String summary = failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + firstLine(failure.getMessage()));
        if (json) {
            printJson(ErrorView.of(ErrorCode.INTERNAL, "unexpected failure (a bug): " + summary + "; " + where, List.of()));
        } else {
            err.println("engram: unexpected failure (a bug): " + summary);
            err.println("engram: " + where + (debug ? "" : "; run with --debug to see the stack trace here"));
        }
        if (debug) {
            failure.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.BUG;
    }

    public int report(DomainException failure) {
        if (json) {
            printJson(ErrorView.of(failure));
        } else {
            err.println("engram: " + failure.getMessage());
            List<Violation> violations = failure.violations();
            boolean messageSaysAll = violations.stream().allMatch(v -> failure.getMessage().contains(v.message()));
            if (!messageSaysAll) {
                for (Violation v : violations) {
                    err.println("  " + v);
                }
            }
        }
        if (debug) {
            failure.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.of(failure.code());
    }

    /** An error document on standard error (with {@code --json}), one line. */
    public void printJson(JsonObject document) {
        err.println(JsonCodec.instance().write(document));
        err.flush();
    }

    /** Plugins and Reactor may wrap what a store threw; the user's error is the innermost domain failure. */
    static DomainException domainCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainException domain) {
                return domain;
            }
        }
        return null;
    }

    private static Path writeLog(Throwable failure, List<String> args) {
        try {
            Path log = Files.createTempFile("engram-error-", ".log");
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            Files.writeString(log, Instant.now() + "\nengram " + String.join(" ", args) + "\njava " + System.getProperty("java.version")
                    + "\n\n" + trace, StandardCharsets.UTF_8);
            return log;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
