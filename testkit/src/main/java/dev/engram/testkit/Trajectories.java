package dev.engram.testkit;

import dev.engram.domain.json.JsonArray;
import dev.engram.domain.json.JsonNumber;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.JsonString;
import dev.engram.domain.json.JsonValue;
import dev.engram.domain.trajectory.ActionStep;
import dev.engram.domain.trajectory.MistakeCard;
import dev.engram.domain.trajectory.Outcome;
import dev.engram.domain.trajectory.Reflection;
import dev.engram.domain.trajectory.Trajectory;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Test trajectories: plain ones, and ones with the payloads stores find hard. */
public final class Trajectories {
    public static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    private Trajectories() {
    }

    public static Trajectory.Builder plain(String id) {
        return Trajectory.builder().trajectoryId(id).agentId("agent").taskId("task").domain("code")
                .finalOutcome(Outcome.SUCCESS).reward(1.0).createdAt(T0)
                .steps(List.of(new ActionStep(T0, "analyze_code", JsonObject.builder().put("file", "auth.py").build(),
                        new JsonString("Found 3 potential bugs"), "First, analyze the code")))
                .reflection(new Reflection("found it", List.of("escalated early"), List.of("read the logs"),
                        List.of(new MistakeCard("premature_escalation", null, "w1", "escalate", "inspect logs", "...", "Read logs first."))));
    }

    public static Trajectory of(String id, String agent, String task, String domain, Outcome outcome, double reward, Instant createdAt) {
        return plain(id).agentId(agent).taskId(task).domain(domain).finalOutcome(outcome).reward(reward).createdAt(createdAt).build();
    }

    /** Keys MongoDB cannot hold as field names, exact numbers, unicode, nesting: stored and returned exactly. */
    public static Trajectory oddPayload(String id) {
        JsonObject args = JsonObject.builder()
                .put("$set", JsonObject.builder().put("a.b", new JsonNumber(new BigDecimal("12345678901234567"))).build())
                .put("", new JsonArray(List.of(new JsonNumber(new BigDecimal("1.50")), new JsonNumber(new BigDecimal("-0.0")))))
                .put("$where", "function() { return true; }")
                .put("emoji 🧠", "ünïcødé — 日本語 \u2028 \t \"quoted\" \\ back")
                .put("big", new JsonNumber(new BigDecimal("123456789012345678901234567890.000000000000000001")))
                .build();
        return plain(id).metadata(JsonObject.builder().put("$gt", 1L).put("x.y.z", true).build())
                .initialState(JsonObject.builder().put("..", JsonObject.EMPTY).build())
                .steps(List.of(new ActionStep(null, "tool", args, args, null))).build();
    }

    /** Nested arrays up to the default depth limit of 64 (the item is level 1, metadata level 2). */
    public static Trajectory deeplyNested(String id) {
        JsonValue value = JsonArray.EMPTY;
        for (int depth = 64; depth > 3; depth--) {
            value = new JsonArray(List.of(value));
        }
        return plain(id).metadata(JsonObject.builder().put("deep", value).build()).build();
    }

    /** A trajectory of about the given size in bytes, spread over steps. */
    public static Trajectory large(String id, int bytes) {
        List<ActionStep> steps = new ArrayList<>();
        String chunk = "x".repeat(1000);
        for (int i = 0; i < bytes / 1100; i++) {
            steps.add(new ActionStep(T0.plusSeconds(i), "step" + i, JsonObject.EMPTY, new JsonString(chunk), "r"));
        }
        return plain(id).steps(steps).build();
    }
}
