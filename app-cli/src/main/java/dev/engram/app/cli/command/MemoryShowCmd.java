package dev.engram.app.cli.command;

import dev.engram.app.cli.Access;
import dev.engram.app.cli.Session;
import dev.engram.app.cli.text.MemoryText;
import dev.engram.application.port.in.AgentMemoryView;
import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import dev.engram.json.views.MemoryView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "show",
        description = "Show what an agent learned: scores by task, every rule with its importance, polarity, source and the "
                + "runs behind it, the mistake cards with how often each was seen, and its recent mistakes and successes.",
        footerHeading = "%nExamples:%n",
        footer = {"  engram memory show --agent builder_agent", "  engram memory show --agent builder_agent --json | jq .summary"})
public final class MemoryShowCmd extends EngramSubcommand {
    @Option(names = "--agent", required = true, paramLabel = "A", description = "The agent.")
    String agent;

    @Override
    public Integer call() {
        AgentMemoryView view;
        try (Session session = open(Access.EXISTING)) {
            view = session.services().showMemory().show(namespace(), agent).block();
        }
        if (view == null) {
            throw new DomainException(ErrorCode.NOT_FOUND, "agent " + agent + " has no memory in namespace " + namespace());
        }
        if (json()) {
            printJson(MemoryView.toJson(view));
        } else {
            MemoryText.print(view, out());
        }
        return 0;
    }
}
