package dev.engram.json.views;

import dev.engram.application.port.in.ConsolidationReport;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.memory.RuleChange;
import dev.engram.domain.memory.RuleScope;
import java.util.List;
import java.util.Locale;

/**
 * What a consolidation proposed and whether it was stored ({@code consolidate --json},
 * {@code POST /v1/memory/{agent}/consolidate}): one report per agent, each change as
 * {@code {"op": "add"|"agree"|"edit"|"remove", "scope": "global"|"task", "task_id", ...}}.
 */
public final class ConsolidationView {
    private ConsolidationView() {
    }

    public static JsonObject toJson(List<ConsolidationReport> reports) {
        return JsonObject.builder().put("reports", JsonValues.array(reports, ConsolidationView::report)).build();
    }

    private static JsonObject report(ConsolidationReport r) {
        return JsonObject.builder()
                .put("agent_id", r.agentId())
                .put("source", r.source())
                .put("fallback_reason", JsonValues.text(r.fallbackReason()))
                .put("applied", r.applied())
                .put("changes", JsonValues.array(r.changes(), ConsolidationView::change))
                .build();
    }

    static JsonObject change(RuleChange change) {
        JsonObject.Builder out = JsonObject.builder();
        scope(out, change.scope());
        if (change instanceof RuleChange.Add add) {
            return out.put("op", "add").put("text", add.text())
                    .put("polarity", add.polarity().name().toLowerCase(Locale.ROOT))
                    .put("source", add.source().name().toLowerCase(Locale.ROOT))
                    .put("trajectory_ids", JsonValues.texts(add.trajectoryIds())).build();
        }
        if (change instanceof RuleChange.Agree agree) {
            return out.put("op", "agree").put("rule_id", agree.ruleId())
                    .put("trajectory_ids", JsonValues.texts(agree.trajectoryIds())).build();
        }
        if (change instanceof RuleChange.Edit edit) {
            return out.put("op", "edit").put("rule_id", edit.ruleId()).put("text", edit.text()).build();
        }
        return out.put("op", "remove").put("rule_id", ((RuleChange.Remove) change).ruleId()).build();
    }

    private static void scope(JsonObject.Builder out, RuleScope scope) {
        out.put("scope", scope.isGlobal() ? "global" : "task").put("task_id", JsonValues.text(scope.taskId()));
    }
}
