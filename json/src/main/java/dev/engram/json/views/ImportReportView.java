package dev.engram.json.views;

import dev.engram.application.port.in.ImportReport;
import dev.engram.domain.json.JsonObject;

/**
 * What an import did ({@code import --json}): counts, the refused items in detail (the first
 * {@value ImportReport#MAX_DETAILED}), and the memory aggregates restored or kept.
 */
public final class ImportReportView {
    private ImportReportView() {
    }

    public static JsonObject toJson(ImportReport r) {
        return JsonObject.builder()
                .put("read", r.read())
                .put("stored", r.stored())
                .put("unchanged", r.unchanged())
                .put("refused", r.refused())
                .put("problems", JsonValues.array(r.problems(), item -> JsonObject.builder()
                        .put("index", item.index())
                        .put("line", item.line())
                        .put("trajectory_id", JsonValues.text(item.trajectoryId()))
                        .put("problems", JsonValues.array(item.problems(), v -> JsonObject.builder()
                                .put("field", v.field()).put("message", v.message()).build()))
                        .build()))
                .put("memories_restored", r.memoriesRestored())
                .put("memories_skipped", JsonValues.texts(r.memoriesSkipped()))
                .build();
    }
}
