package dev.engram.benchmarks.store;

import dev.engram.application.port.in.InputItem;
import dev.engram.application.port.in.RecordCommand;
import dev.engram.application.port.in.SampleCommand;
import dev.engram.application.query.TrajectoryFilter;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.replay.ReplayStrategy;
import dev.engram.domain.replay.SampleRequest;
import dev.engram.domain.trajectory.Outcome;
import dev.engram.domain.trajectory.Trajectory;
import dev.engram.domain.trajectory.TrajectoryWriter;
import dev.engram.runtime.EngramRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How long a process takes to get a usable replay index over a SQLite store of n trajectories: rebuilt from the
 * whole change feed (no snapshot), and loaded from the snapshot then caught up. Each measurement is a fresh
 * runtime's first prioritized sample of 32, the cost a one-shot {@code engram sample} pays after JVM start.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.engram.benchmarks.store.ReplayRebuildHarness DIR N [REPEATS]</pre>
 * The store in DIR is filled once (reused by later runs with the same N).
 */
public final class ReplayRebuildHarness {
    private static final Duration WAIT = Duration.ofMinutes(30);
    private static final String NS = "default";

    private ReplayRebuildHarness() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        EngramRuntime.Options options = new EngramRuntime.Options(null, Map.of(), Map.of("data_dir", dir.toString()), true);
        fill(options, n);
        Path snapshot = dir.resolve("replay").resolve(NS + ".snapshot");
        double[] rebuild = new double[repeats];
        double[] fromSnapshot = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            Files.deleteIfExists(snapshot);
            rebuild[r] = firstSample(options);
            fromSnapshot[r] = firstSample(options);
            System.out.printf("run %d: rebuild %.0f ms, snapshot %.0f ms (snapshot %d bytes)%n", r + 1, rebuild[r], fromSnapshot[r],
                    Files.exists(snapshot) ? Files.size(snapshot) : 0);
        }
        System.out.printf("n=%d median rebuild %.0f ms, median from snapshot %.0f ms%n", n, median(rebuild), median(fromSnapshot));
    }

    private static double firstSample(EngramRuntime.Options options) {
        long start = System.nanoTime();
        try (EngramRuntime runtime = EngramRuntime.start(options)) {
            int got = runtime.services().sample().sample(new SampleCommand(NS, SampleRequest.of(32, ReplayStrategy.PRIORITIZED), 1L))
                    .block(WAIT).items().size();
            if (got != 32) {
                throw new IllegalStateException("sampled " + got + " of 32");
            }
            runtime.services().saveReplaySnapshot(NS);
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private static void fill(EngramRuntime.Options options, int n) {
        try (EngramRuntime runtime = EngramRuntime.start(options)) {
            long have = countOf(runtime);
            if (have >= n) {
                return;
            }
            SplittableRandom random = new SplittableRandom(7);
            String[] domains = {"code", "ops", "web", "data"};
            Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
            int batch = 2_000;
            long started = System.nanoTime();
            for (long i = have; i < n; i += batch) {
                List<InputItem> items = new ArrayList<>(batch);
                for (long j = i; j < Math.min(n, i + batch); j++) {
                    double reward = random.nextInt(101) / 100.0;
                    Trajectory t = Trajectory.builder().trajectoryId("t" + j).agentId("agent" + (j % 10)).taskId("task" + (j % 200))
                            .domain(domains[(int) (j % 4)]).finalOutcome(Outcome.fromScore(reward)).reward(reward)
                            .loss(random.nextInt(4) == 0 ? null : random.nextDouble() * 3).createdAt(t0.plusSeconds(j)).build();
                    items.add(InputItem.of(items.size(), TrajectoryWriter.toJson(t)));
                }
                runtime.services().record().record(new RecordCommand(NS, items, false, null)).block(WAIT);
            }
            System.out.printf("filled %d trajectories in %.1f s%n", n - have, (System.nanoTime() - started) / 1e9);
        }
    }

    private static long countOf(EngramRuntime runtime) {
        return runtime.services().statistics().statistics(new dev.engram.application.port.in.StatisticsQuery(NS, null, null, null))
                .block(WAIT).trajectories().total();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
