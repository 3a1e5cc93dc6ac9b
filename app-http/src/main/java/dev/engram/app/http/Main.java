package dev.engram.app.http;

import java.io.PrintWriter;
import picocli.CommandLine;

/** {@code engram-server serve | keys create|list|revoke}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new ServerCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> Failures.report(e, err));
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("engram-server: " + e.getMessage());
            e.getCommandLine().usage(err);
            return Failures.USAGE;
        });
        return cli.execute(args);
    }
}
