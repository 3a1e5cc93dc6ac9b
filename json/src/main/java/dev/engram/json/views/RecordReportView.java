package dev.engram.json.views;

import dev.engram.application.port.in.RecordReport;
import dev.engram.application.port.in.RecordReport.ItemResult;
import dev.engram.application.port.in.RecordReport.Status;
import dev.engram.domain.error.ErrorCode;
import dev.engram.domain.error.Violation;
import dev.engram.domain.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What recording a batch did, item by item ({@code record --json}, {@code POST /v1/trajectories}):
 * {@code {"stored", "unchanged", "refused", "not_stored", "items": [{"index", "line", "trajectory_id", "status", "problems"}]}};
 * and, when an all-or-nothing batch was refused, the error document that names every problem of every item.
 */
public final class RecordReportView {
    private RecordReportView() {
    }

    public static JsonObject toJson(RecordReport report) {
        return JsonObject.builder()
                .put("stored", report.count(Status.STORED))
                .put("unchanged", report.count(Status.UNCHANGED))
                .put("refused", report.count(Status.INVALID) + report.count(Status.CONFLICT))
                .put("not_stored", report.count(Status.NOT_STORED))
                .put("items", JsonValues.array(report.items(), RecordReportView::item))
                .build();
    }

    private static JsonObject item(ItemResult item) {
        JsonObject.Builder out = JsonObject.builder().put("index", item.index());
        if (item.line() > 0) {
            out.put("line", item.line());
        }
        return out.put("trajectory_id", JsonValues.text(item.trajectoryId()))
                .put("status", item.status().name().toLowerCase(Locale.ROOT))
                .put("problems", JsonValues.array(item.problems(), v -> JsonObject.builder()
                        .put("field", v.field()).put("message", v.message()).build()))
                .build();
    }

    /**
     * The failure of a refused batch: {@code invalid_trajectory} when an item is invalid ({@code malformed_json}
     * when every refused item failed to parse), {@code conflict} when the only refusals are conflicts.
     */
    public static JsonObject toError(RecordReport report) {
        return ErrorView.of(errorCode(report), errorMessage(report), details(report));
    }

    public static ErrorCode errorCode(RecordReport report) {
        List<ItemResult> refused = refused(report);
        if (refused.stream().allMatch(i -> i.status() == Status.CONFLICT)) {
            return ErrorCode.CONFLICT;
        }
        boolean allUnparsed = refused.stream().allMatch(i -> i.status() == Status.INVALID && i.trajectoryId() == null
                && i.problems().size() == 1 && i.problems().get(0).field().isEmpty());
        return allUnparsed ? ErrorCode.MALFORMED_JSON : ErrorCode.INVALID_TRAJECTORY;
    }

    /** {@code "2 problems in item 3"}, {@code "5 problems in 3 of 10 items"}. */
    public static String errorMessage(RecordReport report) {
        List<ItemResult> refused = refused(report);
        int problems = refused.stream().mapToInt(i -> i.problems().size()).sum();
        String what = problems == 1 ? "1 problem" : problems + " problems";
        if (refused.size() == 1) {
            return what + " in item " + refused.get(0).index();
        }
        return what + " in " + refused.size() + " of " + report.items().size() + " items";
    }

    public static List<ErrorView.Detail> details(RecordReport report) {
        List<ErrorView.Detail> details = new ArrayList<>();
        for (ItemResult item : refused(report)) {
            for (Violation v : item.problems()) {
                details.add(new ErrorView.Detail(item.index(), item.line(), v.field(), v.message()));
            }
        }
        return details;
    }

    private static List<ItemResult> refused(RecordReport report) {
        return report.items().stream().filter(i -> i.status() == Status.INVALID || i.status() == Status.CONFLICT).toList();
    }
}
