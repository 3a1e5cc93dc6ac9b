package dev.engram.app.cli.demo;

import dev.engram.app.cli.text.ConsolidationText;
import dev.engram.app.cli.text.SampleText;
import dev.engram.app.cli.text.StatsText;
import dev.engram.app.cli.text.TrajectoryText;
import dev.engram.application.port.in.ConsolidateCommand;
import dev.engram.application.port.in.ContextQuery;
import dev.engram.application.port.in.InputItem;
import dev.engram.application.port.in.ListTrajectoriesQuery;
import dev.engram.application.port.in.PriorityReport;
import dev.engram.application.port.in.RecordCommand;
import dev.engram.application.port.in.RecordReport;
import dev.engram.application.port.in.SampleCommand;
import dev.engram.application.port.in.SampleResult;
import dev.engram.application.port.in.StatisticsQuery;
import dev.engram.application.port.in.TopQuery;
import dev.engram.application.port.in.UpdatePrioritiesCommand;
import dev.engram.application.query.TrajectoryFilter;
import dev.engram.application.service.EngramServices;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.JsonString;
import dev.engram.domain.memory.MemoryContext;
import dev.engram.domain.replay.ReplayStrategy;
import dev.engram.domain.replay.SampleRequest;
import dev.engram.domain.trajectory.Trajectory;
import dev.engram.json.JsonCodec;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The demo's walk through engram on a freshly filled store: record, priorities, each sampling strategy with its
 * probabilities and weights, the best and worst runs of a task, statistics, an agent's context, a consolidation.
 * Everything goes through the same use cases as the commands it names, so what it shows is what they do.
 */
public final class DemoTour {
    private static final int BATCH = 50;
    private static final int DRAWS = 5;
    private static final long SAMPLE_SEED = 7;
    private static final String FOCUS_AGENT = "sre_agent";
    private static final String FOCUS_TASK = "deploy";
    private static final int CHANGES_SHOWN = 6;

    private final EngramServices services;
    private final String namespace;
    private final PrintWriter out;
    private final String dataDirFlag;

    /** @param dataDirFlag {@code --data-dir X } to repeat in suggested commands, or empty for the default data dir */
    public DemoTour(EngramServices services, String namespace, PrintWriter out, String dataDirFlag) {
        this.services = services;
        this.namespace = namespace;
        this.out = out;
        this.dataDirFlag = dataDirFlag;
    }

    public void run() {
        List<JsonObject> runs = DemoWorkload.runs(Instant.now().truncatedTo(ChronoUnit.HOURS));
        record(runs);
        priorities(runs);
        samples();
        top();
        stats();
        context();
        consolidate();
        next();
    }

    private void record(List<JsonObject> runs) {
        heading("1. record", "engram record runs.jsonl");
        say(runs.size() + " synthetic runs of " + String.join(", ", DemoWorkload.agents()) + " over the last 14 days, in three "
                + "domains (code, ops, support): each with its tool calls, arguments, results and reasoning, an outcome and a "
                + "reward, and the agent's reflection — mistakes, successes and structured mistake cards.");
        long stored = 0;
        for (int from = 0; from < runs.size(); from += BATCH) {
            List<InputItem> items = new ArrayList<>();
            for (int i = from; i < Math.min(runs.size(), from + BATCH); i++) {
                items.add(InputItem.of(i - from, runs.get(i)));
            }
            stored += recordBatch(items).count(RecordReport.Status.STORED);
        }
        out.println("  stored " + stored + " in " + (runs.size() + BATCH - 1) / BATCH + " batches; each agent's memory learned from its runs as they came in");
        RecordReport again = recordBatch(List.of(InputItem.of(0, runs.get(0))));
        out.println("  recording " + ((JsonString) runs.get(0).get("trajectory_id")).value() + " again: " + again.count(RecordReport.Status.UNCHANGED)
                + " unchanged, nothing added (ids make recording idempotent)");
        Trajectory redacted = firstWithRedaction();
        if (redacted != null) {
            out.println("  secrets never reach the store: " + redacted.trajectoryId() + " step 2 was recorded with arguments "
                    + JsonCodec.instance().write(redacted.steps().get(1).toolArgs()));
        }
    }

    private RecordReport recordBatch(List<InputItem> items) {
        return services.record().record(new RecordCommand(namespace, items, false, null)).block();
    }

    private Trajectory firstWithRedaction() {
        for (Trajectory t : services.list().list(new ListTrajectoriesQuery(namespace,
                TrajectoryFilter.ALL.withTask("fix_auth_bugs"), 50, null)).block().items()) {
            if (t.steps().size() > 1 && new JsonString("[REDACTED]").equals(t.steps().get(1).toolArgs().get("api_key"))) {
                return t;
            }
        }
        return null;
    }

    private void priorities(List<JsonObject> runs) {
        heading("2. priorities", "engram priorities losses.jsonl");
        SplittableRandom random = new SplittableRandom(DemoWorkload.SEED + 1);
        Map<String, Double> losses = new LinkedHashMap<>();
        for (JsonObject run : runs) {
            if (random.nextDouble() < 0.85) {
                String outcome = ((JsonString) run.get("final_outcome")).value();
                double loss = switch (outcome) {
                    case "failure" -> 0.6 + random.nextDouble();
                    case "partial" -> 0.3 + random.nextDouble() * 0.5;
                    default -> 0.02 + random.nextDouble() * 0.28;
                };
                losses.put(((JsonString) run.get("trajectory_id")).value(), Math.round(loss * 1000) / 1000.0);
            }
        }
        PriorityReport report = services.priorities().update(new UpdatePrioritiesCommand(namespace, losses)).block();
        say("A learner trains on runs and reports each one's loss: the loss is the run's priority for prioritized replay. "
                + report.updated() + " runs got a loss (failures high, successes low); the other " + (runs.size() - report.updated())
                + " wait at the highest priority, as new experience does in prioritized experience replay.");
    }

    private void samples() {
        heading("3. sample", "engram sample -n " + DRAWS + " --strategy STRATEGY --seed " + SAMPLE_SEED);
        say("Each draw comes with its probability and its importance-sampling weight (normalised, 1 = no correction). "
                + "The same seed on the same data draws the same batch.");
        sample(SampleRequest.of(DRAWS, ReplayStrategy.UNIFORM), "uniform: every run is equally likely; no correction is needed.");
        sample(SampleRequest.of(DRAWS, ReplayStrategy.PRIORITIZED),
                "prioritized (alpha 0.6, beta 0.4): high-loss runs come more often; the weight scales down what was over-drawn.");
        sample(SampleRequest.of(DRAWS, ReplayStrategy.RECENCY).withHalfLife(Duration.ofDays(3)),
                "recency (half-life 3d): a run three days older is half as likely.");
        sample(SampleRequest.of(DRAWS, ReplayStrategy.MIXED), "mixed (mix 0.5): half prioritized, half uniform; the probability is the mixture's.");
        sample(SampleRequest.of(DRAWS + 1, ReplayStrategy.BALANCED), "balanced: an equal share for each domain, uniform within it.");
        sample(SampleRequest.of(3, ReplayStrategy.FIFO), "fifo: the oldest runs first (no chance involved: probability and weight 1).");
        sample(SampleRequest.of(3, ReplayStrategy.LIFO), "lifo: the newest runs first.");
        sample(SampleRequest.of(3, ReplayStrategy.TOP), "top: the highest priorities (losses) first.");
    }

    private void sample(SampleRequest request, String explanation) {
        SampleResult result = services.sample().sample(new SampleCommand(namespace, request, SAMPLE_SEED)).block();
        out.println();
        say(explanation);
        SampleText.table(result).print(out, "    ");
    }

    private void top() {
        heading("4. top", "engram top --task " + FOCUS_TASK + " --successes|--failures -n 3");
        say("The best and the worst runs of a task: contrastive examples for a prompt or a reviewer.");
        for (TopQuery.Kind kind : TopQuery.Kind.values()) {
            List<Trajectory> items = services.top().top(new TopQuery(namespace, FOCUS_TASK, kind, 3)).block();
            out.println("  " + kind.name().toLowerCase(Locale.ROOT) + ":");
            TrajectoryText.table(items).print(out, "    ");
        }
    }

    private void stats() {
        heading("5. stats", "engram stats --agent " + FOCUS_AGENT);
        say("The agents get better over the two weeks, as the success rates show.");
        StatsText.print(services.statistics().statistics(new StatisticsQuery(namespace, null, null, null)).block(), false, out);
        StatsText.memory(services.statistics().statistics(new StatisticsQuery(namespace, FOCUS_AGENT, null, null)).block().memory(), out);
    }

    private void context() {
        heading("6. context", "engram context --agent " + FOCUS_AGENT + " --task " + FOCUS_TASK);
        say("What " + FOCUS_AGENT + " learned, ready for the top of its next system prompt: rules from its successes and "
                + "failures, the mistakes and mistake cards that keep coming back (seen counts grow as reports merge), its "
                + "recent runs of the task and its mean score.");
        MemoryContext context = services.context().context(new ContextQuery(namespace, FOCUS_AGENT, FOCUS_TASK,
                ContextQuery.DEFAULT_MAX_TOKENS)).block();
        out.println();
        context.text().lines().forEach(line -> out.println("    " + line));
        out.println();
        out.println("  " + context.tokens() + " tokens (o200k_base), within a budget of " + ContextQuery.DEFAULT_MAX_TOKENS);
    }

    private void consolidate() {
        heading("7. consolidate", "engram consolidate --agent " + FOCUS_AGENT + " --dry-run");
        say("Every 20 episodes the memory distills its recent runs into general rules (here with the built-in heuristic; "
                + "an LLM consolidator can be configured). A dry run shows what a consolidation now would propose:");
        services.consolidate().consolidate(new ConsolidateCommand(namespace, FOCUS_AGENT, true)).block()
                .forEach(report -> ConsolidationText.print(report, out, "  ", CHANGES_SHOWN));
    }

    private void next() {
        heading("next", null);
        String engram = "engram " + dataDirFlag;
        say("The data stays in the data dir. Try:");
        for (String command : List.of(
                "list --agent builder_agent --outcome failure",
                "get fix_auth_bugs-001",
                "sample -n 8 --preset stable --json",
                "memory show --agent " + FOCUS_AGENT,
                "stats --by day",
                "export --what all backup.jsonl")) {
            out.println("    " + engram + command);
        }
    }

    private void heading(String title, String sameAs) {
        out.println();
        out.println("== " + title + (sameAs == null ? "" : "   (" + sameAs + ")"));
    }

    private void say(String text) {
        wrap(text, 110).forEach(line -> out.println("  " + line));
    }

    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
