package dev.engram.app.cli.text;

import dev.engram.application.port.in.ConsolidationReport;
import dev.engram.domain.memory.RuleChange;
import java.io.PrintWriter;

/** A consolidation for people: per agent, who proposed what, and whether it was stored. */
public final class ConsolidationText {
    private ConsolidationText() {
    }

    public static void print(ConsolidationReport report, PrintWriter out, String indent) {
        print(report, out, indent, Integer.MAX_VALUE);
    }

    /** As {@link #print(ConsolidationReport, PrintWriter, String)}, listing at most {@code shown} changes. */
    public static void print(ConsolidationReport report, PrintWriter out, String indent, int shown) {
        out.println(indent + report.agentId() + ": " + report.changes().size() + (report.changes().size() == 1 ? " rule change" : " rule changes")
                + " by " + report.source() + (report.applied() ? ", stored" : ", not stored (dry run)"));
        if (report.fallbackReason() != null) {
            out.println(indent + "  (the heuristic stood in: " + report.fallbackReason() + ")");
        }
        report.changes().stream().limit(shown).forEach(change -> out.println(indent + "  " + line(change)));
        if (report.changes().size() > shown) {
            out.println(indent + "  … and " + (report.changes().size() - shown) + " more");
        }
    }

    static String line(RuleChange change) {
        String scope = change.scope().isGlobal() ? "general" : "task " + change.scope().taskId();
        if (change instanceof RuleChange.Add add) {
            return "+ " + scope + ": " + add.text();
        }
        if (change instanceof RuleChange.Agree agree) {
            return "^ " + scope + ": agree with rule " + agree.ruleId();
        }
        if (change instanceof RuleChange.Edit edit) {
            return "~ " + scope + ": rule " + edit.ruleId() + " becomes " + edit.text();
        }
        return "- " + scope + ": vote against rule " + ((RuleChange.Remove) change).ruleId();
    }
}
