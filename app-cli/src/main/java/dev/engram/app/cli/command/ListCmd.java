package dev.engram.app.cli.command;

import dev.engram.app.cli.Access;
import dev.engram.app.cli.Session;
import dev.engram.app.cli.input.Filters;
import dev.engram.app.cli.input.TimeArgument;
import dev.engram.app.cli.text.TrajectoryText;
import dev.engram.application.port.in.ListTrajectoriesQuery;
import dev.engram.application.query.TrajectoryFilter;
import dev.engram.application.query.TrajectoryPage;
import dev.engram.json.views.TrajectoryPageView;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "list",
        description = "List trajectories, newest first, a page at a time. --json prints {\"items\": [...], \"next_cursor\": ...}; "
                + "pass the cursor back with --cursor for the next page (null on the last).",
        footerHeading = "%nExamples:%n",
        footer = {
            "  engram list --agent builder_agent --outcome failure",
            "  engram list --since 7d --limit 100",
            "  engram list --task deploy --since 2026-11-01T00:00:00Z --json | jq -r '.items[].trajectory_id'"})
public final class ListCmd extends EngramSubcommand {
    @Mixin
    Filters filters;

    @Option(names = "--since", paramLabel = "TIME", converter = TimeArgument.class,
            description = "Only runs created at or after TIME: ISO-8601, or a duration ago (7d, 12h).")
    Instant since;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "Items per page (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--cursor", paramLabel = "C", description = "Where the previous page ended (its next_cursor).")
    String cursor;

    @Override
    public Integer call() {
        TrajectoryFilter filter = new TrajectoryFilter(filters.agent, filters.task, filters.domain, filters.outcome, since, null);
        ListTrajectoriesQuery query = new ListTrajectoriesQuery(namespace(), filter, limit, cursor);
        TrajectoryPage page;
        try (Session session = open(Access.EXISTING)) {
            page = session.services().list().list(query).block();
        }
        if (json()) {
            printJson(TrajectoryPageView.toJson(page));
            return 0;
        }
        if (page.items().isEmpty()) {
            out().println("no trajectories match" + (cursor == null ? "" : " after this cursor"));
            return 0;
        }
        TrajectoryText.table(page.items()).print(out(), "");
        if (page.nextCursor() != null) {
            out().println();
            out().println("more: add --cursor " + page.nextCursor());
        }
        return 0;
    }
}
