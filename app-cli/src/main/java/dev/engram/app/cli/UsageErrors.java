package dev.engram.app.cli;

import dev.engram.domain.error.ErrorCode;
import dev.engram.json.views.ErrorView;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/**
 * A command line picocli could not parse: the problem and where to read the command's help (not the whole usage,
 * which would bury the one line that matters); exit 2.
 */
final class UsageErrors implements IParameterExceptionHandler {
    private final Terminal terminal;

    UsageErrors(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public int handleParseException(ParameterException failure, String[] args) {
        CommandLine command = failure.getCommandLine();
        String name = command.getCommandSpec().qualifiedName();
        boolean json = List.of(args).contains("--json");
        if (json) {
            new Failures(terminal.err(), true, false).printJson(ErrorView.of(ErrorCode.INVALID_ARGUMENT, failure.getMessage(), List.of()));
        } else {
            terminal.err().println(name + ": " + failure.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(failure, terminal.err());
            terminal.err().println("Run '" + name + " --help' for its options and examples.");
        }
        terminal.err().flush();
        return ExitCodes.USAGE;
    }
}
