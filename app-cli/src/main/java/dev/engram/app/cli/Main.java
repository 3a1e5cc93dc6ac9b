package dev.engram.app.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** {@code engram}: parses the command line, runs the command, and exits with its code (see {@link ExitCodes}). */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = writer(System.out, false);
        PrintWriter err = writer(System.err, true);
        int code = run(args, new Terminal(out, err, System.in, System.getenv(), System.console() != null));
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command line; returns the exit code instead of exiting (for tests that run in-process). */
    public static int run(String[] args, Terminal terminal) {
        List<String> arguments = Arrays.asList(args);
        boolean debug = arguments.contains("--debug") || terminal.debugFromEnvironment();
        Logging.configure(debug);
        EngramCommand root = new EngramCommand();
        root.terminal(terminal);
        CommandLine line = new CommandLine(root)
                .setOut(terminal.out())
                .setErr(terminal.err())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((failure, command, parsed) ->
                        new Failures(terminal.err(), root.options().json(), root.debug()).report(failure, arguments))
                .setParameterExceptionHandler(new UsageErrors(terminal));
        try {
            return line.execute(args);
        } finally {
            terminal.out().flush();
            terminal.err().flush();
        }
    }

    private static PrintWriter writer(OutputStream stream, boolean autoFlush) {
        // JSON and trajectories are UTF-8 whatever the platform's default
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), autoFlush);
    }

    /** For tests: standard streams of a string-backed terminal. */
    static Terminal terminal(InputStream in, PrintWriter out, PrintWriter err, Map<String, String> env) {
        return new Terminal(out, err, in, env, false);
    }
}
