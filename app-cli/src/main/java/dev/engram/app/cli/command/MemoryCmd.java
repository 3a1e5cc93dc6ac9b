package dev.engram.app.cli.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;

@Command(name = "memory",
        description = "An agent's memory: show it, or forget the agent.",
        subcommands = {MemoryShowCmd.class, MemoryForgetCmd.class},
        footerHeading = "%nExamples:%n",
        footer = {"  engram memory show --agent builder_agent", "  engram memory forget --agent builder_agent"})
public final class MemoryCmd extends EngramSubcommand {
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "name what to do: memory show --agent A, or memory forget --agent A");
    }
}
