package dev.engram.app.cli.command;

import dev.engram.app.cli.Access;
import dev.engram.app.cli.Session;
import dev.engram.app.cli.text.TrajectoryText;
import dev.engram.application.port.in.TopQuery;
import dev.engram.domain.trajectory.Trajectory;
import dev.engram.json.views.TopView;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "top",
        description = "The best successes (highest reward first) or the worst failures (lowest reward first) of a task: "
                + "contrastive examples for a prompt or a reviewer.",
        footerHeading = "%nExamples:%n",
        footer = {"  engram top --task deploy --successes -n 3", "  engram top --task deploy --failures --json"})
public final class TopCmd extends EngramSubcommand {
    @Option(names = "--task", required = true, paramLabel = "T", description = "The task.")
    String task;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Kind kind;

    static final class Kind {
        @Option(names = "--successes", required = true, description = "The best successful runs.")
        boolean successes;

        @Option(names = "--failures", required = true, description = "The worst failed runs.")
        boolean failures;
    }

    @Option(names = "-n", paramLabel = "N", defaultValue = "10", description = "How many (default: ${DEFAULT-VALUE}).")
    int n;

    @Override
    public Integer call() {
        TopQuery query = new TopQuery(namespace(), task, kind.successes ? TopQuery.Kind.SUCCESSES : TopQuery.Kind.FAILURES, n);
        List<Trajectory> items;
        try (Session session = open(Access.EXISTING)) {
            items = session.services().top().top(query).block();
        }
        if (json()) {
            printJson(TopView.toJson(query, items));
        } else if (items.isEmpty()) {
            out().println("no " + (kind.successes ? "successes" : "failures") + " of task " + task);
        } else {
            TrajectoryText.table(items).print(out(), "");
        }
        return 0;
    }
}
