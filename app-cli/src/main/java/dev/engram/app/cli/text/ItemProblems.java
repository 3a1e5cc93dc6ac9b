package dev.engram.app.cli.text;

import dev.engram.application.port.in.RecordReport.ItemResult;
import dev.engram.domain.error.Violation;
import java.io.PrintWriter;
import java.util.function.IntFunction;

/** Problems of batch items as a person reads them: {@code line 17: reward: must be between 0 and 1, got 1.5}. */
public final class ItemProblems {
    private ItemProblems() {
    }

    /**
     * @param where where an item (by index) starts in the input: {@code line 17} or {@code lines 17-20}
     * @param sentId the id an item was sent with (by index), named even when the item is invalid; may answer null
     */
    public static void print(ItemResult item, IntFunction<String> where, IntFunction<String> sentId, PrintWriter err) {
        String id = item.trajectoryId() != null ? item.trajectoryId() : sentId.apply(item.index());
        String at = where.apply(item.index()) + (id == null ? "" : " (" + id + ")");
        for (Violation v : item.problems()) {
            err.println(at + ": " + v);
        }
    }
}
