package dev.engram.app.cli.command;

import dev.engram.app.cli.Access;
import dev.engram.app.cli.Session;
import dev.engram.app.cli.text.StatsText;
import dev.engram.application.port.in.StatisticsQuery;
import dev.engram.application.port.in.StatisticsReport;
import dev.engram.domain.stats.TimeBucket;
import dev.engram.json.views.StatisticsView;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

@Command(name = "stats",
        description = "Statistics: runs by outcome, success rate and mean reward by agent, task and domain, the replay index "
                + "(size, replays, mean loss, domains); with --agent, the agent's memory summary (the seed's memory_summary); "
                + "with --by, a time series.",
        footerHeading = "%nExamples:%n",
        footer = {"  engram stats", "  engram stats --agent builder_agent --by day", "  engram stats --task deploy --json | jq .by_agent"})
public final class StatsCmd extends EngramSubcommand {
    @Option(names = "--agent", paramLabel = "A", description = "Only this agent's runs, and its memory summary.")
    String agent;

    @Option(names = "--task", paramLabel = "T", description = "Only runs of this task.")
    String task;

    @Option(names = "--by", paramLabel = "day|hour", converter = BucketArgument.class, description = "Add a time series with buckets of a day or an hour (UTC).")
    TimeBucket by;

    static final class BucketArgument implements ITypeConverter<TimeBucket> {
        @Override
        public TimeBucket convert(String text) {
            return TimeBucket.parse(text);
        }
    }

    @Override
    public Integer call() {
        StatisticsReport report;
        try (Session session = open(Access.EXISTING)) {
            report = session.replay().statistics().statistics(new StatisticsQuery(namespace(), agent, task, by)).block();
        }
        if (json()) {
            printJson(StatisticsView.toJson(report, by != null));
        } else {
            StatsText.print(report, by != null, out());
        }
        return 0;
    }
}
