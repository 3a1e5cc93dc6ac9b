package dev.engram.app.cli.command;

import dev.engram.app.cli.Access;
import dev.engram.app.cli.Session;
import dev.engram.application.port.in.ForgetReport;
import dev.engram.json.views.ForgetReportView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "forget",
        description = "Erase everything of an agent in the namespace: its trajectories, its memory and its replay index entries. "
                + "Nothing else is touched. Forgetting an agent that has nothing is not an error (it says so).",
        footerHeading = "%nExamples:%n",
        footer = {"  engram memory forget --agent builder_agent", "  engram --namespace team-a memory forget --agent old_agent --json"})
public final class MemoryForgetCmd extends EngramSubcommand {
    @Option(names = "--agent", required = true, paramLabel = "A", description = "The agent.")
    String agent;

    @Override
    public Integer call() {
        ForgetReport report;
        try (Session session = open(Access.EXISTING)) {
            report = session.replay().forget().forget(namespace(), agent).block();
        }
        if (json()) {
            printJson(ForgetReportView.toJson(report));
        } else if (report.trajectories() == 0 && !report.memory()) {
            out().println("nothing to forget: agent " + agent + " has no trajectories and no memory in namespace " + namespace());
        } else {
            out().println("forgot agent " + agent + ": " + report.trajectories() + " trajectories, "
                    + (report.memory() ? "its memory" : "no memory") + ", " + report.indexEntries() + " replay index entries");
        }
        return 0;
    }
}
