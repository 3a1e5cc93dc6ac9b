package dev.engram.json.views;

import dev.engram.application.port.in.PriorityReport;
import dev.engram.domain.json.JsonObject;

/** What a priority update did ({@code priorities --json}, {@code POST /v1/replay/priorities}). */
public final class PriorityReportView {
    private PriorityReportView() {
    }

    public static JsonObject toJson(PriorityReport r) {
        return JsonObject.builder()
                .put("updated", r.updated())
                .put("unknown", JsonValues.texts(r.unknown()))
                .build();
    }
}
