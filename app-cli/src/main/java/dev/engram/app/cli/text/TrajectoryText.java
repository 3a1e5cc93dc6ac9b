package dev.engram.app.cli.text;

import dev.engram.domain.json.JsonValue;
import dev.engram.domain.trajectory.ActionStep;
import dev.engram.domain.trajectory.MistakeCard;
import dev.engram.domain.trajectory.Reflection;
import dev.engram.domain.trajectory.Timestamps;
import dev.engram.domain.trajectory.Trajectory;
import dev.engram.json.JsonCodec;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Trajectories for people: a one-line-per-run table, or one run in full. */
public final class TrajectoryText {
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private TrajectoryText() {
    }

    public static Table table(List<Trajectory> trajectories) {
        Table table = new Table("ID", "CREATED (UTC)", "AGENT", "TASK", "DOMAIN", "OUTCOME", ">REWARD", ">LOSS", ">STEPS");
        for (Trajectory t : trajectories) {
            table.row(t.trajectoryId(), MINUTES.format(t.createdAt()), t.agentId(), t.taskId(), t.domain(),
                    t.finalOutcome().wireName(), Numbers.fixed(t.reward(), 2), Numbers.fixed(t.loss(), 3), t.stepsTaken());
        }
        return table;
    }

    public static void details(Trajectory t, PrintWriter out) {
        out.println("trajectory  " + t.trajectoryId());
        out.println("agent       " + t.agentId());
        out.println("task        " + t.taskId() + (t.taskDescription() == null ? "" : " — " + t.taskDescription()));
        out.println("domain      " + t.domain());
        out.println("outcome     " + t.finalOutcome().wireName() + "   reward " + Numbers.fixed(t.reward(), 2)
                + (t.loss() == null ? "" : "   loss " + t.loss()));
        out.println("created     " + Timestamps.format(t.createdAt())
                + (t.durationSeconds() == null ? "" : "   took " + t.durationSeconds() + " s"));
        if (t.initialState() != null) {
            out.println("initial     " + json(t.initialState()));
        }
        if (t.metadata() != null) {
            out.println("metadata    " + json(t.metadata()));
        }
        out.println("steps       " + t.stepsTaken() + (t.steps().isEmpty() && t.stepCount() != null ? " (count only)" : ""));
        int n = 0;
        for (ActionStep step : t.steps()) {
            n++;
            out.println("  " + n + ". " + step.toolName() + " " + json(step.toolArgs())
                    + (step.timestamp() == null ? "" : "   at " + Timestamps.format(step.timestamp())));
            if (step.agentReasoning() != null) {
                out.println("     why:    " + step.agentReasoning());
            }
            out.println("     result: " + json(step.toolResult()));
        }
        reflection(t.reflection(), out);
    }

    private static void reflection(Reflection r, PrintWriter out) {
        if (r.isEmpty()) {
            return;
        }
        out.println("reflection");
        if (r.summary() != null) {
            out.println("  summary:   " + r.summary());
        }
        r.mistakes().forEach(m -> out.println("  mistake:   " + m));
        r.successes().forEach(s -> out.println("  success:   " + s));
        for (MistakeCard card : r.mistakeCards()) {
            out.println("  card:      [" + (card.mistakeType() == null ? "mistake" : card.mistakeType()) + "] "
                    + (card.badDecision() == null ? "" : card.badDecision() + " -> ")
                    + (card.correctDecision() == null ? "" : card.correctDecision() + ". ")
                    + (card.lesson() == null ? "" : card.lesson()));
        }
    }

    private static String json(JsonValue value) {
        return JsonCodec.instance().write(value);
    }
}
