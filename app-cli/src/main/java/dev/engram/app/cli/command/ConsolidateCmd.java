package dev.engram.app.cli.command;

import dev.engram.app.cli.Access;
import dev.engram.app.cli.Session;
import dev.engram.app.cli.text.ConsolidationText;
import dev.engram.application.port.in.ConsolidateCommand;
import dev.engram.application.port.in.ConsolidationReport;
import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import dev.engram.json.views.ConsolidationView;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "consolidate",
        description = "Distill recent episodes into rules now (it also happens by itself every memory.consolidate_every "
                + "episodes, 20 by default): the heuristic makes every high-scoring episode a general rule; an LLM "
                + "consolidator, when configured, proposes rules to add, agree with, edit or remove. --dry-run shows the "
                + "changes and stores nothing.",
        footerHeading = "%nExamples:%n",
        footer = {"  engram consolidate --agent builder_agent --dry-run", "  engram consolidate                 every agent of the namespace"})
public final class ConsolidateCmd extends EngramSubcommand {
    @Option(names = "--agent", paramLabel = "A", description = "Only this agent (default: every agent with a memory).")
    String agent;

    @Option(names = "--dry-run", description = "Show the proposed rule changes; store nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        List<ConsolidationReport> reports;
        try (Session session = open(Access.EXISTING)) {
            reports = session.services().consolidate().consolidate(new ConsolidateCommand(namespace(), agent, dryRun)).block();
        }
        if (agent != null && reports.isEmpty()) {
            throw new DomainException(ErrorCode.NOT_FOUND, "agent " + agent + " has no memory in namespace " + namespace());
        }
        if (json()) {
            printJson(ConsolidationView.toJson(reports));
        } else if (reports.isEmpty()) {
            out().println("no agent has a memory in namespace " + namespace() + " yet: nothing to consolidate");
        } else {
            reports.forEach(r -> ConsolidationText.print(r, out(), ""));
        }
        return 0;
    }
}
