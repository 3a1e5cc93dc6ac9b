package dev.engram.benchmarks.sqlite;

import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.JsonString;
import dev.engram.domain.trajectory.ActionStep;
import dev.engram.domain.trajectory.Outcome;
import dev.engram.domain.trajectory.Trajectory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Trajectories of about 2 KB of wire JSON, the size of a typical short agent run: five tool calls with reasoning. */
final class BenchmarkTrajectories {
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final String[] AGENTS = {"builder", "reviewer", "triager", "deployer"};
    private static final String[] TASKS = {"deploy", "triage", "review", "fix_auth", "migrate"};

    private BenchmarkTrajectories() {
    }

    static Trajectory of(long n) {
        List<ActionStep> steps = new ArrayList<>();
        for (int s = 0; s < 5; s++) {
            steps.add(new ActionStep(T0.plusSeconds(n + s), "tool_" + s,
                    JsonObject.builder().put("file", "src/service/module_" + (n % 97) + ".py").put("line", (long) s * 17).build(),
                    new JsonString("result of step " + s + ": " + "ok, nothing unusual in the output of the tool; ".repeat(3)),
                    "reasoning for step " + s + ": check the most likely cause first, then widen the search"));
        }
        return Trajectory.builder().trajectoryId("t-" + n).agentId(AGENTS[(int) (n % AGENTS.length)])
                .taskId(TASKS[(int) (n % TASKS.length)]).domain(n % 2 == 0 ? "code" : "ops")
                .finalOutcome(Outcome.values()[(int) (n % 3)]).reward((n % 11) / 10.0).createdAt(T0.plusSeconds(n))
                .steps(steps).metadata(JsonObject.builder().put("priority", "high").put("run", n).build()).build();
    }

    static List<Trajectory> batch(long first, int size) {
        List<Trajectory> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(of(first + i));
        }
        return out;
    }
}
