package dev.engram.json.views;

import dev.engram.application.port.in.ForgetReport;
import dev.engram.domain.json.JsonObject;

/** What forgetting an agent removed ({@code memory forget --json}, {@code DELETE /v1/memory/{agent}}). */
public final class ForgetReportView {
    private ForgetReportView() {
    }

    public static JsonObject toJson(ForgetReport r) {
        return JsonObject.builder()
                .put("agent_id", r.agentId())
                .put("trajectories_deleted", r.trajectories())
                .put("memory_deleted", r.memory())
                .put("index_entries_removed", r.indexEntries())
                .build();
    }
}
