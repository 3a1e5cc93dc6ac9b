package dev.engram.app.cli.command;

import dev.engram.app.cli.Access;
import dev.engram.app.cli.Session;
import dev.engram.app.cli.input.DurationArgument;
import dev.engram.application.port.in.PruneCommand;
import dev.engram.domain.json.JsonObject;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "prune",
        description = "Delete the trajectories created longer ago than a duration (their replay index entries go too; the "
                + "agents' memories keep what they learned from them).",
        footerHeading = "%nExamples:%n",
        footer = {"  engram prune --older-than 90d", "  engram --namespace scratch prune --older-than 12h --json"})
public final class PruneCmd extends EngramSubcommand {
    @Option(names = "--older-than", required = true, paramLabel = "DURATION", converter = DurationArgument.class,
            description = "Age: a number and a unit, s, m (minutes), h, d, w (30d, 12h).")
    Duration olderThan;

    @Override
    public Integer call() {
        long deleted;
        try (Session session = open(Access.EXISTING)) {
            deleted = session.replay().prune().prune(new PruneCommand(namespace(), olderThan)).block();
        }
        if (json()) {
            printJson(JsonObject.builder().put("deleted", deleted).put("older_than", DurationArgument.format(olderThan)).build());
        } else {
            out().println("deleted " + deleted + (deleted == 1 ? " trajectory" : " trajectories") + " older than "
                    + DurationArgument.format(olderThan));
        }
        return 0;
    }
}
