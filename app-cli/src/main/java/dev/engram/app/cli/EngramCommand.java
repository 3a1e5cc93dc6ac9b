package dev.engram.app.cli;

import dev.engram.app.cli.command.ConsolidateCmd;
import dev.engram.app.cli.command.ContextCmd;
import dev.engram.app.cli.command.DemoCmd;
import dev.engram.app.cli.command.ExportCmd;
import dev.engram.app.cli.command.GetCmd;
import dev.engram.app.cli.command.ImportCmd;
import dev.engram.app.cli.command.ListCmd;
import dev.engram.app.cli.command.MemoryCmd;
import dev.engram.app.cli.command.PrioritiesCmd;
import dev.engram.app.cli.command.PruneCmd;
import dev.engram.app.cli.command.RecordCmd;
import dev.engram.app.cli.command.SampleCmd;
import dev.engram.app.cli.command.StatsCmd;
import dev.engram.app.cli.command.TopCmd;
import dev.engram.app.cli.command.WorkerCmd;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code engram} command: global options, and one subcommand per operation. */
@Command(name = "engram",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "An experience memory for AI agents: record what they did, sample it back for training, and give them what they learned.",
        description = {
            "",
            "Agents record trajectories (tool calls with reasoning, an outcome and a reward). engram gives back replay batches "
                    + "(uniform, prioritized, recency, mixed, balanced…), the best and worst runs of a task, statistics, and each "
                    + "agent's memory: rules, mistake cards and a context for its next system prompt.",
            ""},
        subcommands = {DemoCmd.class, RecordCmd.class, GetCmd.class, ListCmd.class, SampleCmd.class, PrioritiesCmd.class,
            TopCmd.class, StatsCmd.class, ContextCmd.class, MemoryCmd.class, ConsolidateCmd.class, PruneCmd.class,
            WorkerCmd.class, ExportCmd.class, ImportCmd.class},
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0 done   1 a bug (see the log named)   2 usage error   3 invalid input or conflict (nothing stored)",
            "  4 not found (also: no data dir)   5 backend unavailable or unusable",
            "",
            "Examples:",
            "  engram demo                                   fill ./engram-data with synthetic runs and tour every feature",
            "  engram record runs.jsonl                      record a file of trajectories (all or nothing)",
            "  engram sample -n 32 --preset stable --json    a prioritized replay batch with importance weights",
            "  engram context --agent builder_agent --task deploy",
            "",
            "Run 'engram COMMAND --help' for a command's options and examples."})
public final class EngramCommand implements Runnable {
    @Mixin
    GlobalOptions options;

    @Spec
    CommandSpec spec;

    private Terminal terminal;

    void terminal(Terminal value) {
        terminal = value;
    }

    public Terminal terminal() {
        return terminal;
    }

    public GlobalOptions options() {
        return options;
    }

    public boolean debug() {
        return options.debug() || terminal.debugFromEnvironment();
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a command: demo, record, get, list, sample, priorities, top, "
                + "stats, context, memory, consolidate, prune, worker, export or import");
    }
}
