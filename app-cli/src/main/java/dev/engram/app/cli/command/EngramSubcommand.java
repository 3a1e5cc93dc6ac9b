package dev.engram.app.cli.command;

import dev.engram.app.cli.Access;
import dev.engram.app.cli.EngramCommand;
import dev.engram.app.cli.GlobalOptions;
import dev.engram.app.cli.Session;
import dev.engram.app.cli.Terminal;
import dev.engram.app.cli.Version;
import dev.engram.domain.json.JsonValue;
import dev.engram.json.JsonCodec;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every subcommand needs: the global options, the terminal, a session, and printing of results; and, through
 * this annotation, which picocli merges into each subclass's own, {@code --help} and {@code --version}.
 */
@Command(mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false, usageHelpAutoWidth = true)
abstract class EngramSubcommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    EngramCommand root() {
        return (EngramCommand) spec.root().userObject();
    }

    GlobalOptions options() {
        return root().options();
    }

    Terminal terminal() {
        return root().terminal();
    }

    PrintWriter out() {
        return terminal().out();
    }

    PrintWriter err() {
        return terminal().err();
    }

    boolean json() {
        return options().json();
    }

    String namespace() {
        return options().namespace();
    }

    Session open(Access access) {
        return Session.open(options(), terminal(), access);
    }

    /** One JSON document on standard output, on one line (pipe it to {@code jq} to read it). */
    void printJson(JsonValue document) {
        out().println(JsonCodec.instance().write(document));
    }
}
