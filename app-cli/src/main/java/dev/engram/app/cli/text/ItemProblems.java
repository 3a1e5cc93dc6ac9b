package dev.engram.app.cli.text;

import dev.engram.application.port.in.RecordReport.ItemResult;
import dev.engram.domain.error.Violation;
import java.io.PrintWriter;
import java.util.function.IntFunction;

/** Problems of batch items as a person reads them: {@code line 17: reward: must be between 0 and 1, got 1.5}. */
public final class ItemProblems {
    private ItemProblems() {
    }

    /** @param where where an item (by index) starts in the input: {@code line 17} or {@code lines 17-20} */
    public static void print(ItemResult item, IntFunction<String> where, PrintWriter err) {
        String at = where.apply(item.index()) + (item.trajectoryId() == null ? "" : " (" + item.trajectoryId() + ")");
        for (Violation v : item.problems()) {
            err.println(at + ": " + v);
        }
    }
}
