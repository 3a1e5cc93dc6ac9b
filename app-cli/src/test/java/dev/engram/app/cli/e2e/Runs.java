package dev.engram.app.cli.e2e;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Trajectories for the tests, as JSON Lines text: fixed ids and times, several agents, tasks, domains and outcomes. */
public final class Runs {
    public static final Instant START = Instant.parse("2024-01-01T08:00:00Z");
    private static final String[] AGENTS = {"builder_agent", "sre_agent"};
    private static final String[] TASKS = {"deploy", "fix_auth_bugs", "root_cause_analysis"};
    private static final String[] DOMAINS = {"ops", "code", "ops"};
    private static final String[] OUTCOMES = {"success", "failure", "partial", "success"};

    private Runs() {
    }

    /** One trajectory line. {@code i} picks agent, task and outcome; ids are {@code prefix-i}. */
    public static String line(String prefix, int i) {
        String outcome = OUTCOMES[i % OUTCOMES.length];
        double reward = switch (outcome) {
            case "success" -> 0.9 + (i % 10) / 100.0;
            case "partial" -> 0.6;
            default -> 0.1 + (i % 5) / 100.0;
        };
        String loss = i % 3 == 0 ? "" : String.format(Locale.ROOT, ", \"loss\": %.2f", outcome.equals("failure") ? 1.2 : 0.2);
        String mistakes = outcome.equals("success") ? "[]" : "[\"Skipped the canary stage\"]";
        String cards = outcome.equals("success") ? "[]"
                : "[{\"mistake_type\": \"skipped_canary\", \"worker_id\": \"w1\", \"correct_decision\": \"canary first\", "
                + "\"lesson\": \"Always go through the canary.\"}]";
        return String.format(Locale.ROOT, "{\"trajectory_id\": \"%s-%03d\", \"agent_id\": \"%s\", \"task_id\": \"%s\", "
                        + "\"domain\": \"%s\", \"steps\": [{\"timestamp\": \"%s\", \"tool_name\": \"run\", "
                        + "\"tool_args\": {\"n\": %d, \"token\": \"secret-%d\"}, \"tool_result\": {\"ok\": true, \"big\": 12345678901234567}, "
                        + "\"agent_reasoning\": \"try it\"}], \"final_outcome\": \"%s\", \"reward\": %.2f%s, "
                        + "\"created_at\": \"%s\", \"reflection\": {\"summary\": \"Run %d of %s\", \"mistakes\": %s, "
                        + "\"successes\": [\"Read the logs first\"], \"mistake_cards\": %s}}",
                prefix, i, AGENTS[i % AGENTS.length], TASKS[i % TASKS.length], DOMAINS[i % TASKS.length], START.plusSeconds(3_600L * i),
                i, i, outcome, reward, loss, START.plusSeconds(3_600L * i), i, TASKS[i % TASKS.length], mistakes, cards);
    }

    /** {@code count} lines, JSON Lines text. */
    public static String lines(String prefix, int count) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(line(prefix, i));
        }
        return String.join("\n", lines) + "\n";
    }
}
