package dev.engram.app.cli.text;

import dev.engram.application.port.in.SampleResult;
import dev.engram.domain.trajectory.Trajectory;
import java.io.PrintWriter;

/** A replay batch for people: each draw with its probability and importance-sampling weight. */
public final class SampleText {
    private SampleText() {
    }

    public static void print(SampleResult result, PrintWriter out) {
        out.println(result.strategy() + ": " + result.items().size() + " of " + result.requested() + " requested, seed "
                + result.seed() + " (pass --seed " + result.seed() + " to draw this batch again)");
        if (result.items().isEmpty()) {
            out.println("  nothing is eligible: the store holds no trajectory that matches the filters");
            return;
        }
        table(result).print(out, "  ");
    }

    public static Table table(SampleResult result) {
        Table table = new Table(">#", "ID", "AGENT", "TASK", "DOMAIN", "OUTCOME", ">REWARD", ">LOSS", ">PROBABILITY", ">WEIGHT");
        int n = 0;
        for (SampleResult.Item item : result.items()) {
            Trajectory t = item.trajectory();
            table.row(++n, t.trajectoryId(), t.agentId(), t.taskId(), t.domain(), t.finalOutcome().wireName(),
                    Numbers.fixed(t.reward(), 2), Numbers.fixed(t.loss(), 3), Numbers.probability(item.probability()),
                    Numbers.fixed(item.weight(), 3));
        }
        return table;
    }
}
