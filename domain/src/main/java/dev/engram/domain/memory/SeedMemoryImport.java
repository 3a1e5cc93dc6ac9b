package dev.engram.domain.memory;

import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import dev.engram.domain.error.Violation;
import dev.engram.domain.json.JsonArray;
import dev.engram.domain.json.JsonBoolean;
import dev.engram.domain.json.JsonNull;
import dev.engram.domain.json.JsonNumber;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.JsonString;
import dev.engram.domain.json.JsonValue;
import dev.engram.domain.trajectory.MistakeCard;
import dev.engram.domain.trajectory.Timestamps;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Seed 004's {@code agent_memory.json} as an engram memory, so that the seed's users move over without losing their
 * history. A pure function: every key of the seed's memory dict maps to its counterpart, and the result behaves as
 * the seed's memory did — same summary, same context under budget.
 * <ul>
 *   <li>{@code score_history}: per task, the count, the left-to-right sum (the seed's {@code sum()}, so means agree
 *       to the last bit) and the most recent scores;</li>
 *   <li>{@code episode_log}: the entries in order, numbered back from {@code total_episodes} (the seed keeps the last
 *       ones); the seed logs no trajectory, so each gets the synthetic id {@code seed-episode-<n>};</li>
 *   <li>{@code mistakes}, {@code successes}: the texts in order;</li>
 *   <li>{@code mistake_cards}: every field with its seen count and first and last episode;</li>
 *   <li>{@code task_rules}, {@code global_rules}: each text kept verbatim, label and all; polarity from its
 *       {@code [AVOID]} prefix (anything else — {@code [WORKS]}, {@code [HIGH SCORE …]}, {@code [CONSOLIDATED]} —
 *       says what to repeat), source {@code llm} for the seed's {@code [CONSOLIDATED]} rules, heuristic otherwise;
 *       every rule at the importance of a new rule, so that the seed's order decides rank as it did there.</li>
 * </ul>
 * A file that is not such a memory is refused whole, every problem named by its path ({@code episode_log[3].score});
 * whatever the policy's caps cut (a seed keeps mistakes forever) is said in {@link Conversion#trimmed()}.
 */
public final class SeedMemoryImport {
    /** The id given to a seed episode, which names no trajectory. */
    public static final String EPISODE_ID_PREFIX = "seed-episode-";

    private static final Set<String> KEYS = Set.of("version", "total_episodes", "last_consolidated_at", "global_rules",
            "task_rules", "episode_log", "score_history", "mistakes", "mistake_cards", "successes");
    private static final Set<String> EPISODE_KEYS = Set.of("timestamp", "task_id", "score", "steps", "summary");
    private static final Set<String> CARD_KEYS = Set.of("mistake_type", "task_id", "worker_id", "bad_decision",
            "correct_decision", "evidence", "lesson", "seen_count", "first_seen_episode", "last_seen_episode");
    private static final String CONSOLIDATED_LABEL = "[CONSOLIDATED]";
    private static final int MAX_PROBLEMS = 100;

    /** The converted memory, and one line per part that the policy's caps cut short. */
    public record Conversion(AgentMemoryState state, List<String> trimmed) {
        public Conversion {
            trimmed = List.copyOf(trimmed);
        }
    }

    private SeedMemoryImport() {
    }

    public static AgentMemoryState toState(JsonObject seedMemory, String agentId, MemoryPolicy policy) {
        return convert(seedMemory, agentId, policy).state();
    }

    public static Conversion convert(JsonObject seedMemory, String agentId, MemoryPolicy policy) {
        Reader in = new Reader();
        AgentMemoryState raw = in.read(seedMemory, agentId);
        if (!in.problems.isEmpty()) {
            String message = in.problems.size() == 1 ? "the seed memory is not valid: " + in.problems.get(0)
                    : in.problems.size() + " problems in the seed memory";
            throw new DomainException(ErrorCode.INVALID_INPUT, message, in.problems);
        }
        AgentMemoryState kept = AgentMemory.restore(raw, policy).state();
        return new Conversion(kept, trimmed(raw, kept));
    }

    private static List<String> trimmed(AgentMemoryState raw, AgentMemoryState kept) {
        List<String> notes = new ArrayList<>();
        note(notes, "episode_log entries", raw.episodeLog().size(), kept.episodeLog().size(), "memory.episode_log_size");
        note(notes, "mistakes", raw.mistakes().size(), kept.mistakes().size(), "memory.mistakes_kept");
        note(notes, "successes", raw.successes().size(), kept.successes().size(), "memory.successes_kept");
        note(notes, "mistake_cards", raw.mistakeCards().size(), kept.mistakeCards().size(), "memory.mistake_cards_kept");
        note(notes, "global_rules", raw.globalRules().size(), kept.globalRules().size(), "memory.global_rules");
        raw.taskRules().forEach((task, rules) -> note(notes, "task_rules of " + task, rules.size(),
                kept.taskRules().getOrDefault(task, List.of()).size(), "memory.rules_per_task"));
        return notes;
    }

    private static void note(List<String> notes, String what, int before, int after, String key) {
        if (after < before) {
            notes.add("kept the newest " + after + " of " + before + " " + what + " (" + key + ")");
        }
    }

    /** Reads the seed's dict, collecting every problem by path instead of stopping at the first. */
    private static final class Reader {
        private final List<Violation> problems = new ArrayList<>();

        AgentMemoryState read(JsonObject seed, String agentId) {
            unknownKeys("", seed, KEYS);
            JsonValue version = seed.get("version");
            if (version != null && !(version instanceof JsonNumber n && n.value().compareTo(BigDecimal.ONE) == 0)) {
                problem("version", "this engram reads the seed's memory version 1, got " + shown(version));
            }
            List<EpisodeLogEntry> log = new ArrayList<>();
            JsonArray episodes = array(seed, "episode_log");
            long total = seed.has("total_episodes") ? count(seed.get("total_episodes"), "total_episodes", 0) : episodes.size();
            if (total < episodes.size()) {
                problem("total_episodes", "is " + total + ", fewer than the " + episodes.size() + " episodes logged");
            }
            for (int i = 0; i < episodes.size(); i++) {
                long number = total - episodes.size() + 1 + i;
                EpisodeLogEntry entry = episode(episodes.get(i), "episode_log[" + i + "]", Math.max(number, i + 1));
                if (entry != null) {
                    log.add(entry);
                }
            }
            Map<String, TaskScores> scores = new LinkedHashMap<>();
            object(seed, "score_history").members().forEach((task, value) -> {
                String path = child("score_history", task);
                if (taskId(task, path)) {
                    scores.put(task, scores(value, path));
                }
            });
            Map<String, List<Rule>> taskRules = new LinkedHashMap<>();
            object(seed, "task_rules").members().forEach((task, value) -> {
                String path = child("task_rules", task);
                if (taskId(task, path)) {
                    taskRules.put(task, rules(value, path, RuleScope.task(task)));
                }
            });
            List<Rule> globalRules = rules(orEmpty(seed.get("global_rules")), "global_rules", RuleScope.GLOBAL);
            List<TrackedMistakeCard> cards = new ArrayList<>();
            JsonArray rawCards = array(seed, "mistake_cards");
            for (int i = 0; i < rawCards.size(); i++) {
                TrackedMistakeCard card = card(rawCards.get(i), "mistake_cards[" + i + "]");
                if (card != null) {
                    cards.add(card);
                }
            }
            return new AgentMemoryState(agentId, 0, total, lastConsolidated(seed.get("last_consolidated_at")), scores, log,
                    texts(seed, "mistakes"), texts(seed, "successes"), cards, taskRules, globalRules);
        }

        /** The seed stores null before its first consolidation, and resets a stray ISO string to 0. */
        private long lastConsolidated(JsonValue value) {
            if (value == null || value == JsonNull.NULL || value instanceof JsonString) {
                return 0;
            }
            return count(value, "last_consolidated_at", 0);
        }

        private EpisodeLogEntry episode(JsonValue value, String path, long number) {
            if (!(value instanceof JsonObject e)) {
                problem(path, "must be an object, got " + value.typeName());
                return null;
            }
            unknownKeys(path, e, EPISODE_KEYS);
            String task = optionalText(e.get("task_id"), path + ".task_id", Episode.UNKNOWN_TASK);
            Double score = score(e.get("score"), path + ".score");
            long steps = e.get("steps") == null || e.get("steps") == JsonNull.NULL ? 0 : count(e.get("steps"), path + ".steps", 0);
            String summary = optionalText(e.get("summary"), path + ".summary", "");
            Instant at = null;
            JsonValue timestamp = e.get("timestamp");
            if (!(timestamp instanceof JsonString t) || (at = Timestamps.parse(t.value()).orElse(null)) == null) {
                problem(path + ".timestamp", "must be an ISO-8601 time, got " + shown(timestamp));
            }
            if (task.isEmpty()) {
                problem(path + ".task_id", "must not be empty");
            }
            if (steps > Integer.MAX_VALUE) {
                problem(path + ".steps", "must be at most " + Integer.MAX_VALUE + ", got " + steps);
            }
            if (score == null || at == null || task.isEmpty() || steps > Integer.MAX_VALUE) {
                return null;
            }
            return new EpisodeLogEntry(number, EPISODE_ID_PREFIX + number, task, score, (int) steps, summary, at);
        }

        private TaskScores scores(JsonValue value, String path) {
            if (!(value instanceof JsonArray list)) {
                problem(path, "must be a list of scores, got " + value.typeName());
                return TaskScores.NONE;
            }
            double sum = 0.0;
            List<Double> all = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                Double score = score(list.get(i), path + "[" + i + "]");
                if (score != null) {
                    sum += score; // left to right, as Python 3.11's sum() adds floats
                    all.add(score);
                }
            }
            return new TaskScores(all.size(), sum, all);
        }

        private Double score(JsonValue value, String path) {
            if (!(value instanceof JsonNumber n)) {
                problem(path, "must be a number from 0 to 1, got " + shown(value));
                return null;
            }
            double score = n.doubleValue();
            if (!(score >= 0 && score <= 1)) {
                problem(path, "must be between 0 and 1, got " + n.value().toPlainString());
                return null;
            }
            return score;
        }

        private List<Rule> rules(JsonValue value, String path, RuleScope scope) {
            if (!(value instanceof JsonArray list)) {
                problem(path, "must be a list of rule texts, got " + value.typeName());
                return List.of();
            }
            List<Rule> rules = new ArrayList<>();
            Set<String> texts = new LinkedHashSet<>();
            Set<String> ids = new LinkedHashSet<>();
            for (int i = 0; i < list.size(); i++) {
                JsonValue item = list.get(i);
                if (!(item instanceof JsonString s) || s.value().isBlank()) {
                    problem(path + "[" + i + "]", "must be a rule text, got " + shown(item));
                    continue;
                }
                String text = s.value();
                if (!texts.add(text)) {
                    continue; // the seed never holds a text twice; a hand-edited file's repeat adds nothing
                }
                Polarity polarity = text.startsWith(EpisodeRules.AVOID_LABEL.trim()) ? Polarity.AVOID : Polarity.WORKS;
                RuleSource source = text.startsWith(CONSOLIDATED_LABEL) ? RuleSource.LLM : RuleSource.HEURISTIC;
                String id = Rule.idFor(scope, text);
                for (int n = 1; !ids.add(id); n++) {
                    id = Rule.idFor(scope, text + "#" + n);
                }
                rules.add(new Rule(id, text, polarity, scope, RuleChange.NEW_RULE_IMPORTANCE, List.of(), source, 0, 0));
            }
            return rules;
        }

        private TrackedMistakeCard card(JsonValue value, String path) {
            if (!(value instanceof JsonObject c)) {
                problem(path, "must be an object, got " + value.typeName());
                return null;
            }
            unknownKeys(path, c, CARD_KEYS);
            // the seed normalises every card it stores; these fallbacks are its own
            MistakeCard card = new MistakeCard(
                    optionalText(c.get("mistake_type"), path + ".mistake_type", MistakeCards.UNKNOWN_TYPE),
                    optionalText(c.get("task_id"), path + ".task_id", Episode.UNKNOWN_TASK),
                    scalarText(c.get("worker_id"), path + ".worker_id"),
                    scalarText(c.get("bad_decision"), path + ".bad_decision"),
                    scalarText(c.get("correct_decision"), path + ".correct_decision"),
                    optionalText(c.get("evidence"), path + ".evidence", ""),
                    optionalText(c.get("lesson"), path + ".lesson", MistakeCards.DEFAULT_LESSON));
            long seen = c.has("seen_count") ? count(c.get("seen_count"), path + ".seen_count", 1) : 1;
            long first = c.has("first_seen_episode") ? count(c.get("first_seen_episode"), path + ".first_seen_episode", 0) : 0;
            long last = c.has("last_seen_episode") ? count(c.get("last_seen_episode"), path + ".last_seen_episode", 0) : 0;
            if (seen < 1) {
                problem(path + ".seen_count", "must be at least 1, got " + seen);
            }
            return new TrackedMistakeCard(card, seen, first, last);
        }

        private List<String> texts(JsonObject seed, String key) {
            JsonArray list = array(seed, key);
            List<String> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof JsonString s) {
                    out.add(s.value());
                } else {
                    problem(key + "[" + i + "]", "must be a text, got " + shown(list.get(i)));
                }
            }
            return out;
        }

        private JsonArray array(JsonObject seed, String key) {
            JsonValue value = orEmpty(seed.get(key));
            if (value instanceof JsonArray list) {
                return list;
            }
            problem(key, "must be a list, got " + value.typeName());
            return JsonArray.EMPTY;
        }

        private JsonObject object(JsonObject seed, String key) {
            JsonValue value = seed.get(key);
            if (value == null || value == JsonNull.NULL) {
                return JsonObject.EMPTY;
            }
            if (value instanceof JsonObject o) {
                return o;
            }
            problem(key, "must be an object, got " + value.typeName());
            return JsonObject.EMPTY;
        }

        private static JsonValue orEmpty(JsonValue value) {
            return value == null || value == JsonNull.NULL ? JsonArray.EMPTY : value;
        }

        private boolean taskId(String task, String path) {
            if (task.isEmpty()) {
                problem(path, "a task id must not be empty");
                return false;
            }
            return true;
        }

        private long count(JsonValue value, String path, long fallback) {
            if (value instanceof JsonNumber n) {
                try {
                    long whole = n.value().stripTrailingZeros().longValueExact();
                    if (whole >= 0) {
                        return whole;
                    }
                } catch (ArithmeticException notWhole) {
                    // reported below
                }
            }
            problem(path, "must be a whole number of at least 0, got " + shown(value));
            return fallback;
        }

        private String optionalText(JsonValue value, String path, String fallback) {
            if (value == null || value == JsonNull.NULL) {
                return fallback;
            }
            if (value instanceof JsonString s) {
                return s.value();
            }
            problem(path, "must be a text, got " + shown(value));
            return fallback;
        }

        /** Worker and decisions are stored by the seed as the agent gave them: text, or a number or flag as its text. */
        private String scalarText(JsonValue value, String path) {
            if (value == null || value == JsonNull.NULL) {
                return null;
            }
            if (value instanceof JsonString s) {
                return s.value();
            }
            if (value instanceof JsonNumber n) {
                return n.value().toString();
            }
            if (value instanceof JsonBoolean b) {
                return b.value() ? "True" : "False";
            }
            problem(path, "must be a text, got " + value.typeName());
            return null;
        }

        private void unknownKeys(String path, JsonObject object, Set<String> known) {
            for (String key : object.members().keySet()) {
                if (!known.contains(key)) {
                    problem(child(path, key), "is not part of the seed's memory format; known keys: " + String.join(", ", new TreeSet<>(known)));
                }
            }
        }

        private void problem(String field, String message) {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(new Violation(field, message));
            }
        }

        private static String child(String path, String key) {
            return path.isEmpty() ? key : path + "." + key;
        }

        private static String shown(JsonValue value) {
            if (value == null) {
                return "nothing";
            }
            if (value instanceof JsonString s) {
                return "'" + (s.value().length() > 40 ? s.value().substring(0, 40) + "…" : s.value()) + "'";
            }
            if (value instanceof JsonNumber n) {
                return n.value().toPlainString();
            }
            return value.typeName();
        }
    }
}
