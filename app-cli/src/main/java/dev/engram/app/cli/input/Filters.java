package dev.engram.app.cli.input;

import dev.engram.domain.trajectory.Outcome;
import picocli.CommandLine.Option;

/** The filters that list and sample share ({@code --agent --task --domain --outcome}), as a picocli mixin. */
public final class Filters {
    @Option(names = "--agent", paramLabel = "A", description = "Only this agent's runs.")
    public String agent;

    @Option(names = "--task", paramLabel = "T", description = "Only runs of this task.")
    public String task;

    @Option(names = "--domain", paramLabel = "D", description = "Only runs of this domain.")
    public String domain;

    @Option(names = "--outcome", paramLabel = "O", converter = OutcomeArgument.class,
            description = "Only runs that ended so: success, failure or partial.")
    public Outcome outcome;
}
