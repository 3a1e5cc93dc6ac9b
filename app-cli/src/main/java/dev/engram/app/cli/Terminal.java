package dev.engram.app.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Objects;

/**
 * What a command talks to: standard output (results only) and error (messages, progress), standard input, the
 * environment, and whether a person watches standard error (progress bars only then, never into a pipe or a log).
 */
public record Terminal(PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env, boolean interactive) {
    public Terminal {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(in, "in");
        env = Map.copyOf(env);
    }

    /** {@code ENGRAM_DEBUG} set to anything but empty, 0 or false. */
    public boolean debugFromEnvironment() {
        String value = env.get("ENGRAM_DEBUG");
        return value != null && !value.isBlank() && !value.equals("0") && !value.equalsIgnoreCase("false");
    }
}
