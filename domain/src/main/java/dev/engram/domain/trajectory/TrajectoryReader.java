package dev.engram.domain.trajectory;

import static dev.engram.domain.trajectory.TrajectoryFields.*;

import dev.engram.domain.json.JsonArray;
import dev.engram.domain.json.JsonNull;
import dev.engram.domain.json.JsonNumber;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.JsonString;
import dev.engram.domain.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a trajectory from the JSON tree a client sent: redacts it first (so no error message can echo a secret),
 * then validates everything and reports every violation by field path ({@code steps[3].tool_name}), never only the
 * first. Accepts the wire format of INTERFACES.md and seed 004's episodes ({@code score}, {@code steps} as a count,
 * {@code trajectory_summary}, top-level {@code mistakes}/{@code successes}/{@code mistake_cards}).
 *
 * <p>A JSON {@code null} for an optional field means the field is absent. Unknown fields are refused rather than
 * dropped: data a client sent never disappears silently (extra data belongs in {@code metadata}).
 */
public final class TrajectoryReader {
    private static final int MAX_TOOL_NAME = 256;

    private final TrajectoryLimits limits;
    private final Redactor redactor;

    public TrajectoryReader(TrajectoryLimits limits, Redactor redactor) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
    }

    public static TrajectoryReader withDefaults() {
        return new TrajectoryReader(TrajectoryLimits.DEFAULT, Redactor.defaults());
    }

    private static final TrajectoryReader STORED = new TrajectoryReader(
            new TrajectoryLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE), Redactor.none());
    private static final ReadContext STORED_CONTEXT = new ReadContext(Instant.EPOCH, () -> {
        throw new IllegalStateException("a stored trajectory always has its id");
    }, null);

    /**
     * Reads back what a store wrote with {@link TrajectoryWriter#toJson}: no redaction and no size limits, since the
     * data passed both when it was recorded (limits may have been lowered since; stored data must stay readable).
     * A stored item that does not read back is corrupt data, reported as such by the caller.
     */
    public static ReadResult readStored(JsonValue stored) {
        return STORED.read(stored, STORED_CONTEXT);
    }

    public TrajectoryLimits limits() {
        return limits;
    }

    public Redactor redactor() {
        return redactor;
    }

    /** The trajectory, or every problem found in it. */
    public ReadResult read(JsonValue input, ReadContext context) {
        Problems problems = new Problems();
        if (!(input instanceof JsonObject raw)) {
            problems.add("", "a trajectory must be a JSON object, got " + (input == null ? "nothing" : input.typeName()));
            return new ReadResult(null, problems.toList());
        }
        JsonObject item = redactor.redactObject(raw);
        long size = TreeCheck.run(item, limits, problems);
        if (size > limits.maxBytes()) {
            problems.add("", "the trajectory is about " + size + " bytes, over the limit of " + limits.maxBytes() + " bytes");
        }
        Trajectory trajectory = new ItemReader(item, context, problems).read();
        return problems.isEmpty() ? new ReadResult(trajectory, List.of()) : new ReadResult(null, problems.toList());
    }

    /** One item's fields; collects problems and returns null when any was found. */
    private final class ItemReader {
        private final JsonObject item;
        private final ReadContext context;
        private final Problems problems;
        private final boolean seedEpisode;

        ItemReader(JsonObject item, ReadContext context, Problems problems) {
            this.item = item;
            this.context = context;
            this.problems = problems;
            this.seedEpisode = item.has(SCORE) || item.has(TRAJECTORY_SUMMARY) || item.has(MISTAKES) || item.has(SUCCESSES)
                    || item.has(MISTAKE_CARDS) || item.get(STEPS) instanceof JsonNumber;
        }

        Trajectory read() {
            for (String key : item.members().keySet()) {
                if (!TOP_LEVEL.contains(key) && !SEED_EPISODE.contains(key)) {
                    problems.add(Problems.child("", key), "unknown field (extra data belongs in metadata)");
                }
            }
            String agentId = label(AGENT_ID, context.defaultAgentId());
            String taskDescription = string(TASK_DESCRIPTION, item.get(TASK_DESCRIPTION));
            String taskId = taskId(taskDescription);
            String domain = Optional.ofNullable(label(DOMAIN, null)).orElse(Trajectory.DEFAULT_DOMAIN);
            JsonObject initialState = object(INITIAL_STATE, item.get(INITIAL_STATE));
            JsonObject metadata = object(METADATA, item.get(METADATA));
            List<ActionStep> steps = steps();
            Integer stepCount = stepCount();
            Double reward = reward();
            Outcome outcome = outcome(reward);
            Double loss = nonNegative(LOSS, item.get(LOSS));
            Double duration = nonNegative(DURATION_SECONDS, item.get(DURATION_SECONDS));
            Instant createdAt = Optional.ofNullable(time(CREATED_AT, item.get(CREATED_AT))).orElse(context.now());
            Reflection reflection = reflection();
            String id = trajectoryId(agentId);
            if (!problems.isEmpty()) {
                return null;
            }
            return new Trajectory(id, agentId, taskId, taskDescription, domain, initialState, steps, stepCount, outcome,
                    reward, loss, metadata, createdAt, duration, reflection);
        }

        private String trajectoryId(String agentId) {
            JsonValue value = present(item.get(TRAJECTORY_ID));
            if (value == null) {
                if (seedEpisode) {
                    // the same episode imported twice must add nothing: its id is a hash of what it says
                    JsonObject keyed = JsonObject.builder().put("agent", agentId == null ? "" : agentId).put("episode", item).build();
                    return "ep-" + ContentDigest.of(keyed).substring(0, 32);
                }
                return context.idGenerator().get();
            }
            if (!(value instanceof JsonString text)) {
                problems.add(TRAJECTORY_ID, "must be a string, got " + value.typeName());
                return null;
            }
            Identifiers.idProblem(text.value()).ifPresent(problem -> problems.add(TRAJECTORY_ID, problem));
            return text.value();
        }

        private String taskId(String taskDescription) {
            if (present(item.get(TASK_ID)) != null) {
                return label(TASK_ID, null);
            }
            if (taskDescription != null && !taskDescription.isBlank()) {
                return Identifiers.taskIdFromDescription(taskDescription);
            }
            problems.add(TASK_ID, "is required (or task_description, from which it is derived)");
            return null;
        }

        private List<ActionStep> steps() {
            JsonValue value = present(item.get(STEPS));
            if (value == null || value instanceof JsonNumber) {
                return List.of();
            }
            if (!(value instanceof JsonArray array)) {
                problems.add(STEPS, "must be a list of steps, got " + value.typeName());
                return List.of();
            }
            if (array.size() > limits.maxSteps()) {
                problems.add(STEPS, "has " + array.size() + " steps, over the limit of " + limits.maxSteps());
                return List.of();
            }
            List<ActionStep> steps = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                ActionStep step = step(Problems.index(STEPS, i), array.get(i));
                if (step != null) {
                    steps.add(step);
                }
            }
            return steps;
        }

        private ActionStep step(String path, JsonValue value) {
            if (!(value instanceof JsonObject step)) {
                problems.add(path, "a step must be a JSON object, got " + value.typeName());
                return null;
            }
            unknownKeys(path, step, STEP);
            String toolPath = path + "." + TOOL_NAME;
            String toolName = string(toolPath, step.get(TOOL_NAME));
            if (toolName == null) {
                if (present(step.get(TOOL_NAME)) == null) {
                    problems.add(toolPath, "is required");
                }
            } else if (toolName.isBlank() || toolName.length() > MAX_TOOL_NAME
                    || toolName.codePoints().anyMatch(cp -> Character.getType(cp) == Character.CONTROL)) {
                problems.add(toolPath, "must be 1 to " + MAX_TOOL_NAME + " characters without control characters");
            }
            JsonObject args = object(path + "." + TOOL_ARGS, step.get(TOOL_ARGS));
            String reasoning = string(path + "." + AGENT_REASONING, step.get(AGENT_REASONING));
            Instant timestamp = time(path + "." + TIMESTAMP, step.get(TIMESTAMP));
            JsonValue result = step.get(TOOL_RESULT);
            return toolName == null ? null : new ActionStep(timestamp, toolName, args, result, reasoning);
        }

        private Integer stepCount() {
            JsonValue value = present(item.get(STEP_COUNT));
            String field = STEP_COUNT;
            if (value == null && item.get(STEPS) instanceof JsonNumber) {
                value = item.get(STEPS);
                field = STEPS;
            } else if (value != null && item.get(STEPS) instanceof JsonNumber) {
                problems.add(STEPS, "give the step count in steps or step_count, not both");
                return null;
            }
            if (value == null) {
                return null;
            }
            if (!(value instanceof JsonNumber number)) {
                problems.add(field, "must be a whole number, got " + value.typeName());
                return null;
            }
            BigDecimal count = number.value();
            if (count.signum() < 0 || count.stripTrailingZeros().scale() > 0 || count.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
                problems.add(field, "must be a whole number of steps, 0 or more, got " + count);
                return null;
            }
            return count.intValueExact();
        }

        private Double reward() {
            JsonValue reward = present(item.get(REWARD));
            JsonValue score = present(item.get(SCORE));
            if (reward != null && score != null) {
                problems.add(SCORE, "give reward or score, not both");
                return null;
            }
            String field = reward != null ? REWARD : SCORE;
            JsonValue value = reward != null ? reward : score;
            if (value == null) {
                problems.add(REWARD, "is required");
                return null;
            }
            Double number = finite(field, value);
            if (number != null && !(number >= 0.0 && number <= 1.0)) {
                problems.add(field, "must be between 0 and 1, got " + plain(value));
                return null;
            }
            return number;
        }

        private Outcome outcome(Double reward) {
            JsonValue value = present(item.get(FINAL_OUTCOME));
            if (value == null) {
                if (seedEpisode && present(item.get(SCORE)) != null) {
                    return reward == null ? null : Outcome.fromScore(reward);
                }
                problems.add(FINAL_OUTCOME, "is required (success, failure or partial)");
                return null;
            }
            if (!(value instanceof JsonString text)) {
                problems.add(FINAL_OUTCOME, "must be a string (success, failure or partial), got " + value.typeName());
                return null;
            }
            Optional<Outcome> outcome = Outcome.parse(text.value());
            if (outcome.isEmpty()) {
                problems.add(FINAL_OUTCOME, "must be success, failure or partial, got " + Identifiers.quote(text.value()));
            }
            return outcome.orElse(null);
        }

        private Reflection reflection() {
            JsonValue nested = present(item.get(REFLECTION));
            boolean topLevel = item.has(TRAJECTORY_SUMMARY) || item.has(MISTAKES) || item.has(SUCCESSES) || item.has(MISTAKE_CARDS);
            if (nested != null && topLevel) {
                problems.add(REFLECTION, "give the reflection as an object or as seed-style top-level fields, not both");
                return Reflection.EMPTY;
            }
            if (topLevel) {
                return new Reflection(string(TRAJECTORY_SUMMARY, item.get(TRAJECTORY_SUMMARY)), strings(MISTAKES, item.get(MISTAKES)),
                        strings(SUCCESSES, item.get(SUCCESSES)), cards(MISTAKE_CARDS, item.get(MISTAKE_CARDS)));
            }
            if (nested == null) {
                return Reflection.EMPTY;
            }
            if (!(nested instanceof JsonObject reflection)) {
                problems.add(REFLECTION, "must be a JSON object, got " + nested.typeName());
                return Reflection.EMPTY;
            }
            unknownKeys(REFLECTION, reflection, REFLECTION_FIELDS);
            return new Reflection(string(REFLECTION + "." + SUMMARY, reflection.get(SUMMARY)),
                    strings(REFLECTION + "." + MISTAKES, reflection.get(MISTAKES)),
                    strings(REFLECTION + "." + SUCCESSES, reflection.get(SUCCESSES)),
                    cards(REFLECTION + "." + MISTAKE_CARDS, reflection.get(MISTAKE_CARDS)));
        }

        private List<String> strings(String path, JsonValue value) {
            JsonArray array = list(path, value);
            List<String> out = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                String text = string(Problems.index(path, i), array.get(i));
                if (text != null) {
                    out.add(text);
                } else if (array.get(i) == JsonNull.NULL) {
                    problems.add(Problems.index(path, i), "must be a string, got null");
                }
            }
            return out;
        }

        private List<MistakeCard> cards(String path, JsonValue value) {
            JsonArray array = list(path, value);
            List<MistakeCard> out = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                String cardPath = Problems.index(path, i);
                if (!(array.get(i) instanceof JsonObject card)) {
                    problems.add(cardPath, "a mistake card must be a JSON object, got " + array.get(i).typeName());
                    continue;
                }
                unknownKeys(cardPath, card, CARD);
                out.add(new MistakeCard(
                        string(cardPath + "." + MISTAKE_TYPE, card.get(MISTAKE_TYPE)),
                        string(cardPath + "." + TASK_ID, card.get(TASK_ID)),
                        string(cardPath + "." + WORKER_ID, card.get(WORKER_ID)),
                        string(cardPath + "." + BAD_DECISION, card.get(BAD_DECISION)),
                        string(cardPath + "." + CORRECT_DECISION, card.get(CORRECT_DECISION)),
                        string(cardPath + "." + EVIDENCE, card.get(EVIDENCE)),
                        string(cardPath + "." + LESSON, card.get(LESSON))));
            }
            return out;
        }

        private JsonArray list(String path, JsonValue value) {
            JsonValue present = present(value);
            if (present == null) {
                return JsonArray.EMPTY;
            }
            if (!(present instanceof JsonArray array)) {
                problems.add(path, "must be a list, got " + present.typeName());
                return JsonArray.EMPTY;
            }
            if (array.size() > TrajectoryLimits.MAX_REFLECTION_ITEMS) {
                problems.add(path, "has " + array.size() + " items, over the limit of " + TrajectoryLimits.MAX_REFLECTION_ITEMS);
                return JsonArray.EMPTY;
            }
            return array;
        }

        private void unknownKeys(String path, JsonObject object, Set<String> known) {
            for (Map.Entry<String, JsonValue> member : object.members().entrySet()) {
                if (!known.contains(member.getKey())) {
                    problems.add(Problems.child(path, member.getKey()), "unknown field");
                }
            }
        }

        private String label(String field, String fallback) {
            JsonValue value = present(item.get(field));
            if (value == null) {
                if (fallback == null && field.equals(AGENT_ID)) {
                    problems.add(field, "is required");
                }
                return fallback;
            }
            if (!(value instanceof JsonString text)) {
                problems.add(field, "must be a string, got " + value.typeName());
                return null;
            }
            Identifiers.labelProblem(text.value()).ifPresent(problem -> problems.add(field, problem));
            return text.value();
        }

        private String string(String path, JsonValue value) {
            JsonValue present = present(value);
            if (present == null) {
                return null;
            }
            if (!(present instanceof JsonString text)) {
                problems.add(path, "must be a string, got " + present.typeName());
                return null;
            }
            return text.value();
        }

        private JsonObject object(String path, JsonValue value) {
            JsonValue present = present(value);
            if (present == null) {
                return null;
            }
            if (!(present instanceof JsonObject object)) {
                problems.add(path, "must be a JSON object, got " + present.typeName());
                return null;
            }
            return object;
        }

        private Double nonNegative(String field, JsonValue value) {
            JsonValue present = present(value);
            if (present == null) {
                return null;
            }
            Double number = finite(field, present);
            if (number != null && number < 0) {
                problems.add(field, "must be 0 or more, got " + plain(present));
                return null;
            }
            return number;
        }

        private Double finite(String field, JsonValue value) {
            if (!(value instanceof JsonNumber number)) {
                problems.add(field, "must be a number, got " + value.typeName()
                        + (value instanceof JsonString text ? " " + Identifiers.quote(text.value()) : ""));
                return null;
            }
            double result = number.value().doubleValue();
            if (!Double.isFinite(result)) {
                problems.add(field, "must be a finite number, got " + plain(value));
                return null;
            }
            return result;
        }

        private Instant time(String path, JsonValue value) {
            JsonValue present = present(value);
            if (present == null) {
                return null;
            }
            if (!(present instanceof JsonString text)) {
                problems.add(path, "must be an ISO-8601 time string, got " + present.typeName());
                return null;
            }
            Optional<Instant> time = Timestamps.parse(text.value());
            if (time.isEmpty()) {
                problems.add(path, "not an ISO-8601 time: " + Identifiers.quote(text.value()));
            }
            return time.orElse(null);
        }
    }

    private static JsonValue present(JsonValue value) {
        return value == JsonNull.NULL ? null : value;
    }

    private static String plain(JsonValue value) {
        if (value instanceof JsonNumber number) {
            String text = number.value().toString();
            return text.length() > 40 ? text.substring(0, 37) + "..." : text;
        }
        return value.typeName();
    }
}
