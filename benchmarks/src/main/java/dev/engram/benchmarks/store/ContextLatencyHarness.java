package dev.engram.benchmarks.store;

import dev.engram.application.port.in.ContextQuery;
import dev.engram.application.port.in.InputItem;
import dev.engram.application.port.in.RecordCommand;
import dev.engram.application.port.in.StatisticsQuery;
import dev.engram.domain.json.JsonArray;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.JsonString;
import dev.engram.domain.json.JsonValue;
import dev.engram.runtime.EngramRuntime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * An agent with a long history in the embedded store: how long its memory context takes (p50/p99, in a running
 * process, as the HTTP server serves it) and how long recording one more episode takes (a SQLite commit with
 * synchronous=FULL, then the memory update under its version). Seed-style episodes of the same distribution as
 * benchmarks/python/time_seed_file_memory.py, which times the seed's file-based memory beside it.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.engram.benchmarks.store.ContextLatencyHarness DIR [EPISODES] [CONTEXTS] [RECORDS]</pre>
 */
public final class ContextLatencyHarness {
    private static final Duration WAIT = Duration.ofMinutes(30);
    private static final String NS = "default";
    private static final String AGENT = "solo";
    private static final String[] VERBS = {"restarted", "scaled", "queried", "patched", "ignored", "misread", "retried", "paged", "tuned", "drained"};
    private static final String[] OBJECTS = {"the ingress", "service-b", "the replica set", "the cron job", "the feature flag",
        "the quota", "the TLS cert", "the Kafka lag", "the DNS record", "the autoscaler"};

    private final SplittableRandom random = new SplittableRandom(11);
    private long index;

    private ContextLatencyHarness() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int episodes = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int contexts = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        int records = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        new ContextLatencyHarness().run(dir, episodes, contexts, records);
    }

    private void run(Path dir, int episodes, int contexts, int records) {
        EngramRuntime.Options options = new EngramRuntime.Options(null, Map.of(), Map.of("data_dir", dir.toString()), true);
        try (EngramRuntime runtime = EngramRuntime.start(options)) {
            long have = runtime.services().statistics().statistics(new StatisticsQuery(NS, AGENT, null, null)).block(WAIT).trajectories().total();
            long started = System.nanoTime();
            for (long i = have; i < episodes; i += 1_000) {
                List<InputItem> batch = new ArrayList<>();
                for (long j = i; j < Math.min(episodes, i + 1_000); j++) {
                    batch.add(InputItem.of(batch.size(), next()));
                }
                runtime.services().record().record(new RecordCommand(NS, batch, false, AGENT)).block(WAIT);
            }
            if (have < episodes) {
                System.out.printf("recorded %d episodes in %.1f s%n", episodes - have, (System.nanoTime() - started) / 1e9);
            }
            index = episodes;
            for (int i = 0; i < 200; i++) {
                context(runtime, i);
            }
            double[] times = new double[contexts];
            for (int i = 0; i < contexts; i++) {
                long t = System.nanoTime();
                context(runtime, i);
                times[i] = (System.nanoTime() - t) / 1e6;
            }
            report("engram context (in process)", times);
            double[] recordTimes = new double[records];
            for (int i = 0; i < records; i++) {
                InputItem one = InputItem.of(0, next());
                long t = System.nanoTime();
                runtime.services().record().record(new RecordCommand(NS, List.of(one), false, AGENT)).block(WAIT);
                recordTimes[i] = (System.nanoTime() - t) / 1e6;
            }
            report("engram record one episode", recordTimes);
        }
    }

    private static void context(EngramRuntime runtime, int i) {
        String text = runtime.services().context().context(new ContextQuery(NS, AGENT, "task-" + (i % 12), 500)).block(WAIT).text();
        if (text.isEmpty()) {
            throw new IllegalStateException("empty context");
        }
    }

    private static void report(String what, double[] times) {
        double[] sorted = times.clone();
        Arrays.sort(sorted);
        System.out.printf("%s: p50 %.2f ms, p99 %.2f ms, n=%d%n", what, sorted[sorted.length / 2],
                sorted[(int) Math.round(0.99 * (sorted.length - 1))], sorted.length);
    }

    private String phrase() {
        return VERBS[random.nextInt(VERBS.length)] + " " + OBJECTS[random.nextInt(OBJECTS.length)];
    }

    private JsonArray texts(String kind) {
        List<JsonValue> out = new ArrayList<>();
        for (int n = random.nextInt(3); n > 0; n--) {
            out.add(new JsonString(random.nextDouble() < 0.5 ? kind + " (recurring " + random.nextInt(40) + "): " + phrase()
                    : kind + " #" + index + "." + n + ": " + phrase()));
        }
        return new JsonArray(out);
    }

    /** One seed-style episode (the seed's own field names), as an agent of the seed script would send it. */
    private JsonObject next() {
        index++;
        List<JsonValue> cards = new ArrayList<>();
        for (int c = random.nextInt(3); c > 0; c--) {
            cards.add(JsonObject.builder().put("mistake_type", "type-" + random.nextInt(20)).put("worker_id", "w" + random.nextInt(3))
                    .put("bad_decision", "escalate").put("correct_decision", "inspect logs " + random.nextInt(4))
                    .put("evidence", "p99 went from 80ms to " + random.nextInt(5000) + "ms").put("lesson", "Read the logs before " + phrase() + ".")
                    .build());
        }
        return JsonObject.builder()
                .put("trajectory_id", "ep-" + index)
                .put("task_id", "task-" + random.nextInt(12))
                .put("score", random.nextInt(1001) / 1000.0)
                .put("steps", (long) (1 + random.nextInt(40)))
                .put("trajectory_summary", "Episode " + index + ": " + phrase() + ", then " + phrase() + " and checked the result")
                .put("mistakes", texts("Mistake"))
                .put("successes", texts("Success"))
                .put("mistake_cards", new JsonArray(cards))
                .build();
    }
}
