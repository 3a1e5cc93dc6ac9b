package dev.engram.app.cli.text;

import dev.engram.application.port.in.StatisticsReport;
import dev.engram.domain.memory.MemorySummary;
import dev.engram.domain.replay.ReplayStats;
import dev.engram.domain.stats.GroupStats;
import dev.engram.domain.stats.RewardHistogram;
import dev.engram.domain.stats.TrajectoryStatistics;
import dev.engram.domain.trajectory.Timestamps;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Statistics for people: totals, groups as tables, the replay index, the agent's memory summary, the time series. */
public final class StatsText {
    private StatsText() {
    }

    public static void print(StatisticsReport report, boolean withSeries, PrintWriter out) {
        TrajectoryStatistics t = report.trajectories();
        out.println("trajectories  " + t.total() + "   mean reward " + Numbers.fixed(t.meanReward(), 3) + "   "
                + t.byOutcome().entrySet().stream().map(e -> e.getKey().wireName() + " " + e.getValue()).collect(Collectors.joining(", ")));
        if (t.total() > 0) {
            groups("agent", t.byAgent(), out);
            groups("task", t.byTask(), out);
            groups("domain", t.byDomain(), out);
            if (t.rewardHistogram() != null) {
                histogram(t.rewardHistogram(), out);
            }
        }
        ReplayStats replay = report.replay();
        out.println();
        out.println("replay index  " + replay.size() + " items, " + replay.totalReplays() + " replays, mean loss "
                + Numbers.fixed(replay.meanLoss(), 3) + (replay.domainDistribution().isEmpty() ? "" : ", by domain: "
                + replay.domainDistribution().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))));
        if (report.buffer() != null) {
            out.println("write buffer  " + report.buffer().lag() + " behind, " + report.buffer().pending() + " pending");
        }
        if (report.memory() != null) {
            memory(report.memory(), out);
        }
        if (withSeries) {
            out.println();
            Table series = new Table("BUCKET (UTC)", ">RUNS", ">SUCCESS");
            t.series().forEach((start, g) -> series.row(Timestamps.format(start), g.count(), Numbers.percent(g.successRate())));
            series.print(out, "");
        }
    }

    private static void groups(String name, Map<String, GroupStats> groups, PrintWriter out) {
        out.println();
        Table table = new Table(name.toUpperCase(Locale.ROOT), ">RUNS", ">SUCCESS", ">MEAN REWARD");
        groups.forEach((key, g) -> table.row(key, g.count(), Numbers.percent(g.successRate()), Numbers.fixed(g.meanReward(), 3)));
        table.print(out, "");
    }

    private static final int BAR = 40;

    /** Ten rows, one per reward bucket, with a bar scaled to the fullest bucket. */
    private static void histogram(RewardHistogram histogram, PrintWriter out) {
        out.println();
        long most = histogram.counts().stream().mapToLong(Long::longValue).max().orElse(0);
        Table table = new Table("REWARD", ">RUNS", "");
        for (int i = 0; i < RewardHistogram.BUCKETS; i++) {
            long count = histogram.count(i);
            String range = String.format(Locale.ROOT, "[%.1f, %.1f%s", RewardHistogram.lower(i), RewardHistogram.upper(i),
                    i == RewardHistogram.BUCKETS - 1 ? "]" : ")");
            int bar = most == 0 ? 0 : (int) Math.round((double) BAR * count / most);
            table.row(range, count, "#".repeat(count > 0 ? Math.max(1, bar) : 0));
        }
        table.print(out, "");
    }

    /** The seed's memory_summary, line by line. */
    public static void memory(MemorySummary m, PrintWriter out) {
        out.println();
        out.println("memory        " + m.totalEpisodes() + " episodes, " + m.globalRules() + " global rules, "
                + m.taskRules().values().stream().mapToInt(Integer::intValue).sum() + " task rules, "
                + m.mistakesStored() + " mistakes, " + m.mistakeCardsStored() + " mistake cards");
        if (!m.scoresByTask().isEmpty()) {
            out.println("  mean score by task: " + m.scoresByTask().entrySet().stream()
                    .map(e -> e.getKey() + " " + Numbers.fixed(e.getValue(), 3)).collect(Collectors.joining(", ")));
        }
        for (MemorySummary.CardCount card : m.topMistakeCards()) {
            out.println("  card " + card.mistakeType() + " (" + card.taskId() + "), seen " + card.seenCount() + "x");
        }
    }
}
