package dev.engram.domain.memory;

import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import dev.engram.domain.json.JsonArray;
import dev.engram.domain.json.JsonNull;
import dev.engram.domain.json.JsonNumber;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.JsonString;
import dev.engram.domain.json.JsonValue;
import dev.engram.domain.trajectory.MistakeCard;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * An agent's memory as a JSON tree, for stores to keep and for {@code export --what all}: every field of
 * {@link AgentMemoryState}, in snake_case, losslessly (doubles as their shortest exact decimal, orders kept).
 * Reading a tree that is not such a state is corrupt stored data: a {@code backend_unavailable} error naming the field.
 */
public final class AgentMemoryJson {
    /** The format of the tree; a newer one is refused rather than misread. */
    public static final int FORMAT = 1;

    private AgentMemoryJson() {
    }

    public static JsonObject toJson(AgentMemoryState state) {
        JsonObject.Builder scores = JsonObject.builder();
        state.scoresByTask().forEach((task, s) -> scores.put(task, JsonObject.builder()
                .put("count", s.count()).put("sum", s.sum()).put("recent", numbers(s.recentScores())).build()));
        JsonObject.Builder taskRules = JsonObject.builder();
        state.taskRules().forEach((task, rules) -> taskRules.put(task, list(rules, AgentMemoryJson::rule)));
        return JsonObject.builder()
                .put("format", FORMAT)
                .put("agent_id", state.agentId())
                .put("version", state.version())
                .put("total_episodes", state.totalEpisodes())
                .put("last_consolidated_at", state.lastConsolidatedAt())
                .put("scores_by_task", scores.build())
                .put("episode_log", list(state.episodeLog(), AgentMemoryJson::episode))
                .put("mistakes", list(state.mistakes(), JsonString::new))
                .put("successes", list(state.successes(), JsonString::new))
                .put("mistake_cards", list(state.mistakeCards(), AgentMemoryJson::card))
                .put("task_rules", taskRules.build())
                .put("global_rules", list(state.globalRules(), AgentMemoryJson::rule))
                .build();
    }

    public static AgentMemoryState fromJson(JsonObject json) {
        Reader in = new Reader("", json);
        long format = in.integer("format");
        if (format != FORMAT) {
            throw corrupt("format", "is " + format + "; this version of engram reads format " + FORMAT);
        }
        Map<String, TaskScores> scores = new LinkedHashMap<>();
        in.object("scores_by_task").members().forEach((task, value) -> {
            Reader s = in.child("scores_by_task." + task, value);
            scores.put(task, new TaskScores(s.integer("count"), s.decimal("sum"), s.list("recent", (r, v) -> r.asDecimal(v))));
        });
        Map<String, List<Rule>> taskRules = new LinkedHashMap<>();
        in.object("task_rules").members().forEach((task, value) ->
                taskRules.put(task, in.child("task_rules", JsonObject.builder().put(task, value).build()).list(task, Reader::rule)));
        return new AgentMemoryState(
                in.text("agent_id"),
                in.integer("version"),
                in.integer("total_episodes"),
                in.integer("last_consolidated_at"),
                scores,
                in.list("episode_log", Reader::episode),
                in.list("mistakes", Reader::asText),
                in.list("successes", Reader::asText),
                in.list("mistake_cards", Reader::card),
                taskRules,
                in.list("global_rules", Reader::rule));
    }

    /** One rule; also how views of a memory show it ({@code created_at} and {@code last_reinforced_at} are episode numbers). */
    public static JsonObject rule(Rule r) {
        return JsonObject.builder()
                .put("id", r.id())
                .put("text", r.text())
                .put("polarity", r.polarity().name().toLowerCase(Locale.ROOT))
                .putIfPresent("task_id", r.scope().isGlobal() ? null : new JsonString(r.scope().taskId()))
                .put("importance", r.importance())
                .put("trajectory_ids", list(r.trajectoryIds(), JsonString::new))
                .put("source", r.source().name().toLowerCase(Locale.ROOT))
                .put("created_at", r.createdAt())
                .put("last_reinforced_at", r.lastReinforcedAt())
                .build();
    }

    /** One entry of the episode log; also how views of a memory show it. */
    public static JsonObject episode(EpisodeLogEntry e) {
        return JsonObject.builder()
                .put("episode", e.episode())
                .put("trajectory_id", e.trajectoryId())
                .put("task_id", e.taskId())
                .put("score", e.score())
                .put("steps", e.steps())
                .put("summary", e.summary())
                .put("recorded_at", e.recordedAt().toString())
                .build();
    }

    /** One mistake card with its counts; also how views of a memory show it. */
    public static JsonObject card(TrackedMistakeCard tracked) {
        MistakeCard c = tracked.card();
        return JsonObject.builder()
                .put("mistake_type", c.mistakeType())
                .put("task_id", c.taskId())
                .put("worker_id", c.workerId())
                .put("bad_decision", c.badDecision())
                .put("correct_decision", c.correctDecision())
                .put("evidence", c.evidence())
                .put("lesson", c.lesson())
                .put("seen_count", tracked.seenCount())
                .put("first_seen_episode", tracked.firstSeenEpisode())
                .put("last_seen_episode", tracked.lastSeenEpisode())
                .build();
    }

    private static JsonArray numbers(List<Double> values) {
        return list(values, JsonNumber::of);
    }

    private static <T> JsonArray list(List<T> items, Function<T, JsonValue> map) {
        List<JsonValue> out = new ArrayList<>(items.size());
        items.forEach(item -> out.add(map.apply(item)));
        return new JsonArray(out);
    }

    private static DomainException corrupt(String field, String message) {
        return new DomainException(ErrorCode.BACKEND_UNAVAILABLE, "a stored agent memory is unreadable: " + field + " " + message);
    }

    /** Reads fields of one object, naming the full path of anything missing or of the wrong type. */
    private static final class Reader {
        private final String path;
        private final JsonObject object;

        Reader(String path, JsonObject object) {
            this.path = path;
            this.object = object;
        }

        Reader child(String childPath, JsonValue value) {
            if (!(value instanceof JsonObject o)) {
                throw corrupt(childPath, "is not an object");
            }
            return new Reader(childPath, o);
        }

        private String key(String name) {
            return path.isEmpty() ? name : path + "." + name;
        }

        private JsonValue required(String name) {
            JsonValue value = object.get(name);
            if (value == null) {
                throw corrupt(key(name), "is missing");
            }
            return value;
        }

        JsonObject object(String name) {
            JsonValue value = required(name);
            if (!(value instanceof JsonObject o)) {
                throw corrupt(key(name), "is not an object");
            }
            return o;
        }

        String text(String name) {
            JsonValue value = required(name);
            if (value == JsonNull.NULL) {
                return null;
            }
            return asText(value);
        }

        String asText(JsonValue value) {
            if (!(value instanceof JsonString s)) {
                throw corrupt(path, "holds a " + value.typeName() + " where text belongs");
            }
            return s.value();
        }

        long integer(String name) {
            JsonValue value = required(name);
            try {
                return ((JsonNumber) value).value().longValueExact();
            } catch (ClassCastException | ArithmeticException e) {
                throw corrupt(key(name), "is not a whole number");
            }
        }

        double decimal(String name) {
            return asDecimal(required(name));
        }

        double asDecimal(JsonValue value) {
            if (!(value instanceof JsonNumber n)) {
                throw corrupt(path, "holds a " + value.typeName() + " where a number belongs");
            }
            return n.doubleValue();
        }

        <T> List<T> list(String name, java.util.function.BiFunction<Reader, JsonValue, T> map) {
            JsonValue value = required(name);
            if (!(value instanceof JsonArray array)) {
                throw corrupt(key(name), "is not a list");
            }
            List<T> out = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                out.add(map.apply(new Reader(key(name) + "[" + i + "]", JsonObject.EMPTY), array.get(i)));
            }
            return out;
        }

        Rule rule(JsonValue value) {
            Reader r = child(path, value);
            String task = r.object.has("task_id") ? r.text("task_id") : null;
            try {
                return readRule(r, task);
            } catch (IllegalArgumentException e) {
                throw corrupt(path, "is not a rule: " + e.getMessage());
            }
        }

        private static Rule readRule(Reader r, String task) {
            return new Rule(r.text("id"), r.text("text"), Polarity.valueOf(r.text("polarity").toUpperCase(Locale.ROOT)),
                    task == null ? RuleScope.GLOBAL : RuleScope.task(task), (int) r.integer("importance"),
                    r.list("trajectory_ids", Reader::asText), RuleSource.valueOf(r.text("source").toUpperCase(Locale.ROOT)),
                    r.integer("created_at"), r.integer("last_reinforced_at"));
        }

        EpisodeLogEntry episode(JsonValue value) {
            Reader r = child(path, value);
            Instant recordedAt;
            try {
                recordedAt = Instant.parse(r.text("recorded_at"));
            } catch (DateTimeParseException e) {
                throw corrupt(r.key("recorded_at"), "is not a time");
            }
            return new EpisodeLogEntry(r.integer("episode"), r.text("trajectory_id"), r.text("task_id"), r.decimal("score"),
                    (int) r.integer("steps"), r.text("summary"), recordedAt);
        }

        TrackedMistakeCard card(JsonValue value) {
            Reader r = child(path, value);
            MistakeCard card = new MistakeCard(r.text("mistake_type"), r.text("task_id"), r.text("worker_id"),
                    r.text("bad_decision"), r.text("correct_decision"), r.text("evidence"), r.text("lesson"));
            return new TrackedMistakeCard(card, r.integer("seen_count"), r.integer("first_seen_episode"), r.integer("last_seen_episode"));
        }
    }
}
