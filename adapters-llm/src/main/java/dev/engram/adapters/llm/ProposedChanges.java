package dev.engram.adapters.llm;

import dev.engram.application.port.out.ConsolidationInput;
import dev.engram.domain.json.JsonArray;
import dev.engram.domain.json.JsonNull;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.JsonString;
import dev.engram.domain.json.JsonValue;
import dev.engram.domain.memory.EpisodeLogEntry;
import dev.engram.domain.memory.Polarity;
import dev.engram.domain.memory.Rule;
import dev.engram.domain.memory.RuleChange;
import dev.engram.domain.memory.RuleScope;
import dev.engram.domain.memory.RuleSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns a model's answer into rule changes, or refuses it whole. The answer is untrusted: the evidence it was
 * made from may carry prompt injections. So every operation must fit the schema, every text must be short and
 * free of control and format characters, every rule id, task id and trajectory id must be one the input holds,
 * and an operation that names another agent or namespace is refused. One bad operation refuses the whole answer
 * (a model that was talked into one bad change is not trusted with the others); the heuristic then runs instead.
 */
final class ProposedChanges {
    static final int MAX_OPERATIONS = 20;
    static final int MAX_TITLE = 80;
    static final int MAX_DESCRIPTION = 200;
    static final int MAX_CONTENT = 400;
    static final int MAX_IDS = 20;
    static final String WORKS_LABEL = "[WORKS] ";
    static final String AVOID_LABEL = "[AVOID] ";

    private final ConsolidationInput input;
    private final Map<String, Rule> rules = new HashMap<>();
    private final Set<String> tasks = new HashSet<>();
    private final Set<String> trajectories = new HashSet<>();

    private ProposedChanges(ConsolidationInput input) {
        this.input = input;
        input.memory().globalRules().forEach(r -> rules.put(r.id(), r));
        input.memory().taskRules().forEach((task, list) -> {
            tasks.add(task);
            list.forEach(r -> rules.put(r.id(), r));
        });
        for (EpisodeLogEntry entry : input.memory().episodeLog()) {
            tasks.add(entry.taskId());
            trajectories.add(entry.trajectoryId());
        }
        Stream.concat(input.recentSuccesses().stream(), input.recentFailures().stream()).forEach(t -> {
            tasks.add(t.taskId());
            trajectories.add(t.trajectoryId());
        });
    }

    /** The changes the answer proposes, all with source {@link RuleSource#LLM}. */
    static List<RuleChange> from(JsonValue answer, ConsolidationInput input) {
        return new ProposedChanges(input).read(answer);
    }

    private List<RuleChange> read(JsonValue answer) {
        JsonArray operations;
        if (answer instanceof JsonObject root && root.get("operations") instanceof JsonArray list) {
            operations = list;
        } else if (answer instanceof JsonArray list) {
            operations = list; // the bare list some models give when no schema was enforced
        } else {
            throw invalid("the answer is not {\"operations\": [...]}");
        }
        if (operations.size() > MAX_OPERATIONS) {
            throw invalid("the answer holds " + operations.size() + " operations, more than " + MAX_OPERATIONS);
        }
        List<RuleChange> changes = new ArrayList<>(operations.size());
        for (int i = 0; i < operations.size(); i++) {
            String at = "operations[" + i + "]";
            if (!(operations.get(i) instanceof JsonObject operation)) {
                throw invalid(at + ": not an object");
            }
            changes.add(change(operation, at));
        }
        return changes;
    }

    private RuleChange change(JsonObject op, String at) {
        sameOwner(op, "agent_id", input.agentId(), at);
        sameOwner(op, "namespace", input.namespace(), at);
        String kind = text(op, "op", 10, true, at).toLowerCase(Locale.ROOT);
        switch (kind) {
            case "add": {
                Polarity polarity = polarity(op, at);
                String title = text(op, "title", MAX_TITLE, true, at);
                text(op, "description", MAX_DESCRIPTION, false, at);
                String content = text(op, "content", MAX_CONTENT, true, at);
                return new RuleChange.Add(scope(op, at), label(polarity) + title + ": " + content, polarity, RuleSource.LLM,
                        trajectoryIds(op, at));
            }
            case "agree": {
                Rule rule = rule(op, at);
                return new RuleChange.Agree(rule.scope(), rule.id(), trajectoryIds(op, at));
            }
            case "edit": {
                Rule rule = rule(op, at);
                String title = text(op, "title", MAX_TITLE, false, at);
                String content = text(op, "content", MAX_CONTENT, true, at);
                return new RuleChange.Edit(rule.scope(), rule.id(), label(rule.polarity()) + (title == null ? "" : title + ": ") + content);
            }
            case "remove": {
                Rule rule = rule(op, at);
                return new RuleChange.Remove(rule.scope(), rule.id());
            }
            default:
                throw invalid(at + ".op: must be add, agree, edit or remove");
        }
    }

    private static String label(Polarity polarity) {
        return polarity == Polarity.WORKS ? WORKS_LABEL : AVOID_LABEL;
    }

    private void sameOwner(JsonObject op, String field, String expected, String at) {
        JsonValue value = op.get(field);
        if (value != null && value != JsonNull.NULL && !(value instanceof JsonString s && s.value().equals(expected))) {
            throw invalid(at + "." + field + ": names another " + field.replace("_id", "") + " than the one consolidated");
        }
    }

    private Rule rule(JsonObject op, String at) {
        String id = text(op, "rule_id", 64, true, at);
        Rule rule = rules.get(id);
        if (rule == null) {
            throw invalid(at + ".rule_id: no rule of this agent has that id");
        }
        return rule;
    }

    private RuleScope scope(JsonObject op, String at) {
        String task = text(op, "task_id", 128, false, at);
        if (task == null) {
            return RuleScope.GLOBAL;
        }
        if (!tasks.contains(task)) {
            throw invalid(at + ".task_id: not a task of this agent");
        }
        return RuleScope.task(task);
    }

    private static Polarity polarity(JsonObject op, String at) {
        String value = text(op, "polarity", 10, true, at).toLowerCase(Locale.ROOT);
        if (value.equals("works")) {
            return Polarity.WORKS;
        }
        if (value.equals("avoid")) {
            return Polarity.AVOID;
        }
        throw invalid(at + ".polarity: must be works or avoid");
    }

    private List<String> trajectoryIds(JsonObject op, String at) {
        JsonValue value = op.get("trajectory_ids");
        if (value == null || value == JsonNull.NULL) {
            return List.of();
        }
        if (!(value instanceof JsonArray ids) || ids.size() > MAX_IDS) {
            throw invalid(at + ".trajectory_ids: must be a list of at most " + MAX_IDS + " ids");
        }
        List<String> out = new ArrayList<>(ids.size());
        for (JsonValue id : ids.elements()) {
            if (!(id instanceof JsonString s) || !trajectories.contains(s.value())) {
                throw invalid(at + ".trajectory_ids: holds an id that is not among this agent's evidence");
            }
            out.add(s.value());
        }
        return out;
    }

    /** A member that must be a clean, single-line text of at most {@code max} code points (null when optional and absent). */
    private static String text(JsonObject op, String field, int max, boolean required, String at) {
        JsonValue value = op.get(field);
        if (value == null || value == JsonNull.NULL) {
            if (required) {
                throw invalid(at + "." + field + ": is missing");
            }
            return null;
        }
        if (!(value instanceof JsonString s)) {
            throw invalid(at + "." + field + ": must be a text");
        }
        String text = s.value().strip();
        if (text.isEmpty()) {
            if (required) {
                throw invalid(at + "." + field + ": is empty");
            }
            return null;
        }
        if (text.codePointCount(0, text.length()) > max) {
            throw invalid(at + "." + field + ": longer than " + max + " characters");
        }
        if (text.codePoints().anyMatch(ProposedChanges::forbidden)) {
            throw invalid(at + "." + field + ": holds control or invisible formatting characters");
        }
        return text;
    }

    /** Line breaks, control characters, and invisible format characters (bidi overrides, zero-width joiners). */
    private static boolean forbidden(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE;
    }

    private static ChatFailure invalid(String message) {
        return new ChatFailure(ChatFailure.Kind.BAD_ANSWER, "the answer failed validation: " + message);
    }
}
