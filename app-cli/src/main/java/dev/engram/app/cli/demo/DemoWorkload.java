package dev.engram.app.cli.demo;

import dev.engram.domain.json.JsonArray;
import dev.engram.domain.json.JsonNumber;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.JsonString;
import dev.engram.domain.json.JsonValue;
import dev.engram.domain.trajectory.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A realistic synthetic workload from a fixed seed: three agents in three domains, eight tasks, runs spread over two
 * weeks that get better with time (agents learn), each with its tool calls and reasoning, and a reflection whose
 * mistakes, successes and mistake cards recur the way real ones do (so cards merge and rules form). The same seed
 * gives the same runs; only their times follow the day the demo runs, so that "the last 7 days" means something.
 */
public final class DemoWorkload {
    public static final long SEED = 20261120L;
    public static final int RUNS = 150;
    static final Duration SPAN = Duration.ofDays(14);

    /** A tool call a task's runs make: tool, arguments, result, and the agent's reasoning. */
    private record Step(String tool, Map<String, Object> args, String result, String reasoning) {
    }

    /** A mistake an agent makes on a task, as its reflection reports it. */
    private record Mistake(String text, String type, String worker, String bad, String correct, String lesson) {
    }

    private record Task(String id, String description, String domain, List<Step> steps, List<Mistake> mistakes,
                        List<String> successes, List<String> summaries) {
    }

    private record Agent(String id, List<Task> tasks, double startSkill) {
    }

    private static final List<Agent> AGENTS = List.of(
            new Agent("builder_agent", List.of(
                    new Task("fix_auth_bugs", "Fix authentication bugs", "code",
                            List.of(step("analyze_code", Map.of("file", "auth.py"), "Found 3 potential bugs", "First, analyze the code for issues"),
                                    step("run_tests", Map.of("suite", "auth", "api_key", "sk-demo-4242"), "2 failing: test_jwt_expiry, test_refresh", "Reproduce before changing anything"),
                                    step("edit_file", Map.of("file", "auth.py", "line", 88), "Patched the expiry comparison", "The expiry check uses local time"),
                                    step("run_tests", Map.of("suite", "auth"), "All 41 tests pass", "Confirm the fix")),
                            List.of(new Mistake("Edited the code before reproducing the failure", "premature_fix", "w1", "edit_file first", "run the failing tests first", "Reproduce a bug with a test before fixing it."),
                                    new Mistake("Ignored the timezone of the token timestamps", "missed_signal", "w1", "compare naive datetimes", "normalise to UTC", "Normalise times to UTC before comparing them.")),
                            List.of("Reproduced the bug with a failing test first", "Read the JWT library's changelog"),
                            List.of("Found the JWT expiry bug in the refresh path", "Fixed the token refresh race", "Patched the expiry check and added a regression test")),
                    new Task("add_rate_limit", "Add rate limiting to the public API", "code",
                            List.of(step("read_docs", Map.of("topic", "gateway rate limits"), "Token bucket per API key is supported", "Use what the gateway offers"),
                                    step("edit_file", Map.of("file", "gateway.yaml"), "Added a 100 req/s bucket", "Start with the documented default"),
                                    step("load_test", Map.of("rps", 250, "seconds", 30), "p99 41 ms, 429s returned above the limit", "Check that the limit holds under load")),
                            List.of(new Mistake("Set the limit per instance instead of per key", "wrong_scope", "w2", "per-instance bucket", "per-key bucket", "Scope limits to the caller, not the server.")),
                            List.of("Load-tested the limit before shipping", "Used the gateway's token bucket"),
                            List.of("Added per-key rate limiting at the gateway", "Rolled out rate limits behind a flag")))
            , 0.45),
            new Agent("sre_agent", List.of(
                    new Task("root_cause_analysis", "Find the root cause of the checkout latency spike", "ops",
                            List.of(step("query_metrics", Map.of("service", "checkout", "metric", "p99_latency"), "p99 rose from 80 ms to 2.1 s at 10:02", "Find when it started"),
                                    step("search_logs", Map.of("service", "checkout", "query", "timeout"), "Timeouts calling payments-db", "Look for errors around the start"),
                                    step("inspect_deploys", Map.of("since", "09:30"), "payments-db config change at 10:01", "Correlate with changes"),
                                    step("open_incident_note", Map.of("severity", "sev2"), "Root cause: connection pool cut from 50 to 5", "Write down the cause and evidence")),
                            List.of(new Mistake("Escalated too early before diagnosing", "premature_escalation", "w1", "escalate", "inspect logs", "Read the logs before escalating."),
                                    new Mistake("Restarted the service without checking recent deploys", "unsafe_restart", "w3", "restart", "check recent deploys", "Check what changed before restarting anything.")),
                            List.of("Correlated the spike with the config change", "Read the logs before acting"),
                            List.of("Traced the latency spike to a connection pool change", "Found the slow query behind the spike", "Correlated the spike with a config change at 10:01")),
                    new Task("deploy", "Deploy release 2026.11 to production", "ops",
                            List.of(step("check_ci", Map.of("release", "2026.11"), "All checks green", "Never deploy a red build"),
                                    step("deploy_canary", Map.of("release", "2026.11", "percent", 5, "token", "ghp-demo-secret"), "Canary healthy for 10 min", "Limit the blast radius"),
                                    step("deploy_all", Map.of("release", "2026.11"), "Rolled out to 48/48 pods", "Canary looked good"),
                                    step("verify", Map.of("dashboard", "release-health"), "Error rate 0.02%, unchanged", "Confirm nothing regressed")),
                            List.of(new Mistake("Skipped the canary stage", "skipped_canary", "w2", "deploy to all pods", "deploy a 5% canary first", "Always go through the canary."),
                                    new Mistake("Declared success before checking the error rate", "early_success", "w2", "close the change", "watch the dashboards for 10 minutes", "Verify after every rollout.")),
                            List.of("Deployed a canary first", "Watched the error rate after the rollout"),
                            List.of("Rolled out 2026.11 through a canary", "Deployed the release with no regression", "Deployed after fixing a failing migration")),
                    new Task("rollback", "Roll back a bad release", "ops",
                            List.of(step("snapshot_db", Map.of("db", "orders"), "Snapshot orders-2026-11-20 taken", "Never roll back without a snapshot"),
                                    step("rollback", Map.of("to", "2026.10.3"), "Rolled back 48/48 pods", "Return to the last good release"),
                                    step("verify", Map.of("dashboard", "release-health"), "Error rate back to 0.02%", "Confirm recovery")),
                            List.of(new Mistake("Rolled back without a database snapshot", "unsafe_rollback", "w3", "rollback", "snapshot first", "Snapshot before any rollback.")),
                            List.of("Took a snapshot before rolling back"),
                            List.of("Rolled back the release in 4 minutes", "Recovered from the bad release with a rollback")))
            , 0.35),
            new Agent("support_agent", List.of(
                    new Task("refund_request", "Handle a customer's refund request", "support",
                            List.of(step("lookup_order", Map.of("order_id", "A-10442"), "Order paid 12 days ago, 89.00 EUR", "Check the order first"),
                                    step("check_policy", Map.of("policy", "refunds"), "Refunds allowed within 30 days", "Follow the policy"),
                                    step("issue_refund", Map.of("order_id", "A-10442", "amount", 89.00), "Refund issued", "Within policy"),
                                    step("reply", Map.of("channel", "email"), "Customer thanked us", "Close the loop")),
                            List.of(new Mistake("Refunded before checking the order status", "skipped_check", "w1", "issue_refund first", "lookup_order first", "Look the order up before any refund."),
                                    new Mistake("Promised a refund outside the policy", "policy_violation", "w1", "promise refund", "quote the policy", "Quote the policy before promising anything.")),
                            List.of("Checked the refund policy first", "Answered within the hour"),
                            List.of("Refunded a late delivery within policy", "Declined a refund politely, citing the policy", "Refunded a double charge")),
                    new Task("password_reset", "Help a user who cannot log in", "support",
                            List.of(step("lookup_user", Map.of("email", "user@example.com"), "Account locked after 5 attempts", "Find out why"),
                                    step("verify_identity", Map.of("method", "email code"), "Identity verified", "Never reset without verification"),
                                    step("reset_password", Map.of("user", "u-2231", "password", "Temp-1234"), "Reset link sent", "Let the user choose a password")),
                            List.of(new Mistake("Reset the password without verifying identity", "skipped_verification", "w2", "reset_password", "verify_identity first", "Verify identity before any account change.")),
                            List.of("Verified identity before the reset"),
                            List.of("Unlocked the account after verification", "Helped the user reset their password")),
                    new Task("bug_report_triage", "Triage an incoming bug report", "support",
                            List.of(step("read_ticket", Map.of("ticket", "T-5521"), "App crashes on upload of HEIC photos", "Understand the report"),
                                    step("search_known_issues", Map.of("query", "HEIC upload crash"), "Known issue ENG-882, fix in 2026.12", "Avoid duplicates"),
                                    step("link_ticket", Map.of("ticket", "T-5521", "issue", "ENG-882"), "Linked", "Keep the customer informed")),
                            List.of(new Mistake("Filed a duplicate engineering issue", "duplicate_issue", "w3", "file new issue", "search known issues first", "Search known issues before filing a new one.")),
                            List.of("Found the known issue and linked it"),
                            List.of("Linked the report to a known issue", "Triaged the crash report to engineering")))
            , 0.5));

    private DemoWorkload() {
    }

    /** The workload's runs in the wire format, oldest first; times end at {@code end} (the demo passes the current hour). */
    public static List<JsonObject> runs(Instant end) {
        SplittableRandom random = new SplittableRandom(SEED);
        Instant start = end.minus(SPAN);
        Map<String, Integer> perTask = new LinkedHashMap<>();
        List<JsonObject> runs = new ArrayList<>(RUNS);
        for (int i = 0; i < RUNS; i++) {
            Agent agent = AGENTS.get(random.nextInt(AGENTS.size()));
            Task task = agent.tasks().get(random.nextInt(agent.tasks().size()));
            int number = perTask.merge(task.id(), 1, Integer::sum);
            double progress = (double) i / RUNS;
            double skill = agent.startSkill() + (0.9 - agent.startSkill()) * progress;
            Instant createdAt = start.plus(SPAN.multipliedBy(i).dividedBy(RUNS)).plusSeconds(random.nextInt(3_000));
            runs.add(run(random, agent, task, String.format("%s-%03d", task.id(), number), skill, createdAt));
        }
        return runs;
    }

    private static JsonObject run(SplittableRandom random, Agent agent, Task task, String id, double skill, Instant createdAt) {
        double roll = random.nextDouble();
        String outcome = roll < skill ? "success" : roll < skill + 0.2 ? "partial" : "failure";
        double reward = switch (outcome) {
            case "success" -> 0.85 + random.nextDouble() * 0.15;
            case "partial" -> 0.5 + random.nextDouble() * 0.34;
            default -> 0.05 + random.nextDouble() * 0.4;
        };
        reward = Math.round(reward * 100) / 100.0;
        Mistake mistake = task.mistakes().get(random.nextInt(task.mistakes().size()));
        List<JsonValue> steps = new ArrayList<>();
        Instant at = createdAt;
        int taken = outcome.equals("success") ? task.steps().size() : 1 + random.nextInt(task.steps().size());
        for (int s = 0; s < taken; s++) {
            Step step = task.steps().get(s);
            steps.add(JsonObject.builder()
                    .put("timestamp", Timestamps.format(at))
                    .put("tool_name", step.tool())
                    .put("tool_args", toJson(step.args()))
                    .put("tool_result", step.result())
                    .put("agent_reasoning", step.reasoning())
                    .build());
            at = at.plusSeconds(5 + random.nextInt(40));
        }
        if (!outcome.equals("success")) {
            steps.add(JsonObject.builder()
                    .put("timestamp", Timestamps.format(at))
                    .put("tool_name", mistake.bad().replace(' ', '_'))
                    .put("tool_args", JsonObject.EMPTY)
                    .put("tool_result", outcome.equals("failure") ? "The run went wrong from here" : "Partly recovered")
                    .put("agent_reasoning", "It seemed faster")
                    .build());
        }
        return JsonObject.builder()
                .put("trajectory_id", id)
                .put("agent_id", agent.id())
                .put("task_id", task.id())
                .put("task_description", task.description())
                .put("domain", task.domain())
                .put("steps", new JsonArray(steps))
                .put("final_outcome", outcome)
                .put("reward", reward)
                .put("metadata", JsonObject.builder().put("source", "engram demo").put("model", random.nextBoolean() ? "model-a" : "model-b").build())
                .put("created_at", Timestamps.format(createdAt))
                .put("duration_seconds", Math.round(Duration.between(createdAt, at).toMillis() / 100.0) / 10.0)
                .put("reflection", reflection(random, task, mistake, outcome))
                .build();
    }

    private static JsonObject reflection(SplittableRandom random, Task task, Mistake mistake, String outcome) {
        String summary = task.summaries().get(random.nextInt(task.summaries().size()));
        List<JsonValue> mistakes = new ArrayList<>();
        List<JsonValue> successes = new ArrayList<>();
        List<JsonValue> cards = new ArrayList<>();
        if (!outcome.equals("success")) {
            summary = (outcome.equals("failure") ? "Failed: " : "Partly done: ") + mistake.text().toLowerCase(Locale.ROOT);
            mistakes.add(new JsonString(mistake.text()));
            cards.add(JsonObject.builder()
                    .put("mistake_type", mistake.type())
                    .put("worker_id", mistake.worker())
                    .put("bad_decision", mistake.bad())
                    .put("correct_decision", mistake.correct())
                    .put("evidence", "Run of task " + task.id() + " ended in " + outcome)
                    .put("lesson", mistake.lesson())
                    .build());
        }
        if (!outcome.equals("failure")) {
            successes.add(new JsonString(task.successes().get(random.nextInt(task.successes().size()))));
        }
        return JsonObject.builder()
                .put("summary", summary)
                .put("mistakes", new JsonArray(mistakes))
                .put("successes", new JsonArray(successes))
                .put("mistake_cards", new JsonArray(cards))
                .build();
    }

    private static Step step(String tool, Map<String, Object> args, String result, String reasoning) {
        return new Step(tool, args, result, reasoning);
    }

    private static JsonObject toJson(Map<String, Object> args) {
        JsonObject.Builder out = JsonObject.builder();
        // Map.of has no order; sorted keys keep the workload the same in every JVM
        args.keySet().stream().sorted().forEach(key -> {
            Object value = args.get(key);
            if (value instanceof Number n) {
                out.put(key, n instanceof Double d ? JsonNumber.of(d) : JsonNumber.of(n.longValue()));
            } else {
                out.put(key, value.toString());
            }
        });
        return out.build();
    }

    /** The agents' ids, for the tour's text. */
    public static List<String> agents() {
        return AGENTS.stream().map(Agent::id).toList();
    }
}
