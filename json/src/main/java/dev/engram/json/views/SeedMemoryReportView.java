package dev.engram.json.views;

import dev.engram.application.port.in.SeedMemoryReport;
import dev.engram.domain.json.JsonObject;

/** What a seed memory file became ({@code import --format seed-memory --json}): the summary, and what the caps cut. */
public final class SeedMemoryReportView {
    private SeedMemoryReportView() {
    }

    public static JsonObject toJson(SeedMemoryReport report) {
        return JsonObject.builder()
                .put("agent_id", report.agentId())
                .put("summary", MemorySummaryView.toJson(report.summary()))
                .put("trimmed", JsonValues.texts(report.trimmed()))
                .build();
    }
}
