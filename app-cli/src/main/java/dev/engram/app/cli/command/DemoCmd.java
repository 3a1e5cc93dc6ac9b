package dev.engram.app.cli.command;

import dev.engram.app.cli.Access;
import dev.engram.app.cli.Session;
import dev.engram.app.cli.demo.DemoTour;
import dev.engram.app.cli.demo.DemoWorkload;
import dev.engram.application.config.EngramSettings;
import dev.engram.application.port.in.StatisticsQuery;
import dev.engram.domain.error.DomainException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import picocli.CommandLine.Command;

@Command(name = "demo",
        description = {
            "Fill a fresh, empty data dir with a realistic synthetic workload (" + DemoWorkload.RUNS + " runs of three agents "
                    + "over two weeks, from a fixed seed) and walk through every feature on it: record, priorities, each sampling "
                    + "strategy with its probabilities and weights, the best and worst runs of a task, statistics, an agent's "
                    + "memory context and a consolidation. Takes a few seconds.",
            "Refuses a data dir that already holds data (exit 2): it never mixes synthetic runs into real ones."},
        footerHeading = "%nExamples:%n",
        footer = {"  engram demo", "  engram --data-dir /tmp/engram-demo demo && engram --data-dir /tmp/engram-demo stats"})
public final class DemoCmd extends EngramSubcommand {
    @Override
    public Integer call() {
        long started = System.nanoTime();
        EngramSettings settings = Session.settings(options(), terminal());
        Path dir = settings.dataDir().toAbsolutePath().normalize();
        refuseIfHoldsData(dir);
        try (Session session = open(Access.CREATE)) {
            long present = session.services().statistics().statistics(new StatisticsQuery(namespace(), null, null, null)).block()
                    .trajectories().total();
            if (present > 0) {
                throw refusal("namespace " + namespace() + " of the configured store already holds " + present + " trajectories");
            }
            out().println("engram demo: a tour on a fresh data dir, " + dir);
            String flag = options().dataDir() == null ? "" : "--data-dir " + options().dataDir() + " ";
            new DemoTour(session.replay(), namespace(), out(), flag).run();
        }
        out().println();
        out().println(String.format(Locale.ROOT, "done in %.1f s", (System.nanoTime() - started) / 1e9));
        return 0;
    }

    private static void refuseIfHoldsData(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.findAny().isPresent()) {
                throw refusal(dir + " already holds data");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DomainException refusal(String why) {
        return DomainException.invalidArgument("data_dir", why + "; the demo only fills a fresh, empty data dir, so that synthetic "
                + "runs never mix with real ones. Remove it, or give another: engram --data-dir /tmp/engram-demo demo");
    }
}
