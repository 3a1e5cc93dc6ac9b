package dev.engram.domain.trajectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import dev.engram.domain.error.Violation;
import dev.engram.domain.json.JsonArray;
import dev.engram.domain.json.JsonNumber;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.JsonString;
import dev.engram.domain.json.JsonValue;
import dev.engram.domain.json.TestJson;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TrajectoryReaderTest {
    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    static final String EXAMPLE = """
            {
              "trajectory_id": "fix_auth_bugs_001",
              "agent_id": "builder_agent",
              "task_id": "deploy",
              "task_description": "Fix authentication bugs",
              "domain": "code",
              "initial_state": {"bugs_found": 3},
              "steps": [
                {"timestamp": "2026-11-20T10:00:00Z", "tool_name": "analyze_code",
                 "tool_args": {"file": "auth.py"}, "tool_result": "Found 3 potential bugs",
                 "agent_reasoning": "First, analyze the code for issues"}
              ],
              "final_outcome": "success",
              "reward": 1.0,
              "loss": 0.42,
              "metadata": {"priority": "high"},
              "created_at": "2026-11-20T10:00:45Z",
              "duration_seconds": 45.2,
              "reflection": {
                "summary": "Investigated auth-service first, found JWT expiry bug",
                "mistakes": ["Escalated too early before diagnosing"],
                "successes": ["Correctly identified root cause on step 3"],
                "mistake_cards": [{"mistake_type": "premature_escalation", "worker_id": "w1",
                  "bad_decision": "escalate", "correct_decision": "inspect logs",
                  "evidence": "...", "lesson": "Read the logs before escalating."}]
              }
            }""";

    private final AtomicInteger ids = new AtomicInteger();
    private final ReadContext context = new ReadContext(NOW, () -> "gen-" + ids.incrementAndGet(), null);
    private final TrajectoryReader reader = TrajectoryReader.withDefaults();

    private ReadResult read(String json) {
        return reader.read(TestJson.parse(json), context);
    }

    private static Map<String, String> byField(ReadResult result) {
        return result.violations().stream().collect(Collectors.toMap(Violation::field, Violation::message, (a, b) -> a + " | " + b));
    }

    @Test
    void readsTheInterfaceExampleField_by_field() {
        Trajectory t = read(EXAMPLE).orThrow();

        assertThat(t.trajectoryId()).isEqualTo("fix_auth_bugs_001");
        assertThat(t.agentId()).isEqualTo("builder_agent");
        assertThat(t.taskId()).isEqualTo("deploy");
        assertThat(t.taskDescription()).isEqualTo("Fix authentication bugs");
        assertThat(t.domain()).isEqualTo("code");
        assertThat(t.initialState()).isEqualTo(TestJson.object("{\"bugs_found\": 3}"));
        assertThat(t.steps()).hasSize(1);
        ActionStep step = t.steps().get(0);
        assertThat(step.timestamp()).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
        assertThat(step.toolName()).isEqualTo("analyze_code");
        assertThat(step.toolArgs()).isEqualTo(TestJson.object("{\"file\": \"auth.py\"}"));
        assertThat(step.toolResult()).isEqualTo(new JsonString("Found 3 potential bugs"));
        assertThat(step.agentReasoning()).isEqualTo("First, analyze the code for issues");
        assertThat(t.finalOutcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(t.reward()).isEqualTo(1.0);
        assertThat(t.loss()).isEqualTo(0.42);
        assertThat(t.createdAt()).isEqualTo(Instant.parse("2026-11-20T10:00:45Z"));
        assertThat(t.durationSeconds()).isEqualTo(45.2);
        assertThat(t.reflection().mistakes()).containsExactly("Escalated too early before diagnosing");
        assertThat(t.reflection().mistakeCards()).containsExactly(new MistakeCard("premature_escalation", null, "w1",
                "escalate", "inspect logs", "...", "Read the logs before escalating."));
        assertThat(t.stepsTaken()).isEqualTo(1);
    }

    @Test
    void reportsEveryProblemByFieldPath_notOnlyTheFirst() {
        ReadResult result = read("""
                {"agent_id": 5, "task_id": "t", "final_outcome": "won", "reward": 1.5, "loss": -1,
                 "duration_seconds": "long", "colour": "red",
                 "steps": [{"tool_name": "a"}, {"tool_args": []}, {"tool_name": "c", "timestamp": "yesterday"}, 7],
                 "reflection": {"mistakes": ["x", 3], "mistake_cards": [{"lesson": 1, "mood": "sad"}]}}""");

        assertThat(result.ok()).isFalse();
        assertThat(byField(result)).containsOnlyKeys("agent_id", "final_outcome", "reward", "loss", "duration_seconds",
                "colour", "steps[1].tool_name", "steps[1].tool_args", "steps[2].timestamp", "steps[3]",
                "reflection.mistakes[1]", "reflection.mistake_cards[0].lesson", "reflection.mistake_cards[0].mood");
        assertThat(byField(result))
                .containsEntry("reward", "must be between 0 and 1, got 1.5")
                .containsEntry("steps[2].timestamp", "not an ISO-8601 time: 'yesterday'")
                .containsEntry("agent_id", "must be a string, got number")
                .containsEntry("final_outcome", "must be success, failure or partial, got 'won'")
                .containsEntry("steps[1].tool_name", "is required")
                .containsEntry("colour", "unknown field (extra data belongs in metadata)");
        assertThatThrownBy(result::orThrow).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TRAJECTORY);
            assertThat(e.violations()).hasSize(13);
            assertThat(e.getMessage()).isEqualTo("13 problems in the trajectory");
        });
    }

    @Test
    void requiresAgentTaskOutcomeAndReward() {
        assertThat(byField(read("{}"))).containsOnlyKeys("agent_id", "task_id", "final_outcome", "reward");
        assertThat(read("[1, 2]").violations()).containsExactly(new Violation("", "a trajectory must be a JSON object, got array"));
    }

    @Test
    void fillsDefaults_idCreatedAtDomainAndAgent() {
        ReadContext withAgent = new ReadContext(NOW, () -> "gen-1", "fallback_agent");
        Trajectory t = reader.read(TestJson.parse("{\"task_id\": \"t\", \"final_outcome\": \"FAILURE\", \"reward\": 0}"), withAgent).orThrow();

        assertThat(t.trajectoryId()).isEqualTo("gen-1");
        assertThat(t.agentId()).isEqualTo("fallback_agent");
        assertThat(t.createdAt()).isEqualTo(NOW);
        assertThat(t.domain()).isEqualTo("default");
        assertThat(t.finalOutcome()).isEqualTo(Outcome.FAILURE);
        assertThat(t.reflection().isEmpty()).isTrue();
    }

    @Test
    void readsTimesWithAndWithoutOffset_asUtc() {
        String base = "{\"agent_id\": \"a\", \"task_id\": \"t\", \"final_outcome\": \"partial\", \"reward\": 0.5, \"created_at\": \"%s\"}";
        assertThat(read(base.formatted("2026-11-20T10:00:00.123456")).orThrow().createdAt()).isEqualTo(Instant.parse("2026-11-20T10:00:00.123456Z"));
        assertThat(read(base.formatted("2026-11-20T12:00:00+02:00")).orThrow().createdAt()).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
        assertThat(read(base.formatted("2026-11-20")).orThrow().createdAt()).isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
        assertThat(byField(read(base.formatted("20/11/2026")))).containsEntry("created_at", "not an ISO-8601 time: '20/11/2026'");
    }

    @Test
    void derivesAStableTaskIdFromTheDescription() {
        String json = "{\"agent_id\": \"a\", \"task_description\": \"Fix authentication bugs!\", \"final_outcome\": \"success\", \"reward\": 1}";
        String first = read(json).orThrow().taskId();
        String second = read(json).orThrow().taskId();

        assertThat(first).isEqualTo(second).startsWith("fix-authentication-bugs-").hasSize("fix-authentication-bugs-".length() + 8);
        assertThat(Identifiers.taskIdFromDescription("Fix authentication bugs?")).isNotEqualTo(first);
        assertThat(Identifiers.taskIdFromDescription("日本語だけ")).startsWith("task-");
    }

    @Test
    void checksIdCharsetAndLabelLength() {
        String base = "{\"trajectory_id\": %s, \"agent_id\": %s, \"task_id\": \"t\", \"final_outcome\": \"success\", \"reward\": 1}";
        assertThat(byField(read(base.formatted("\"_x\"", "\"a\"")))).containsEntry("trajectory_id", "must start with a letter or digit, got '_x'");
        assertThat(byField(read(base.formatted("\"a b\"", "\"a\"")))).containsEntry("trajectory_id", "may only hold letters, digits and . _ : -, got 'a b'");
        assertThat(byField(read(base.formatted("\"" + "x".repeat(129) + "\"", "\"a\"")))).containsEntry("trajectory_id", "must be 1 to 128 characters, got 129");
        assertThat(byField(read(base.formatted("\"ok.id:1-2_3\"", "\"tab\\there\"")))).containsEntry("agent_id", "must not contain control characters");
        assertThat(byField(read(base.formatted("\"ok\"", "\"\"")))).containsEntry("agent_id", "must be 1 to 128 characters, got 0");
        assertThat(read(base.formatted("\"ok\"", "\"エージェント\"")).ok()).isTrue();
    }

    @Test
    void rejectsNumbersOutOfRangeOrOfTheWrongType() {
        String base = "{\"agent_id\": \"a\", \"task_id\": \"t\", \"final_outcome\": \"success\", \"reward\": %s}";
        assertThat(byField(read(base.formatted("\"high\"")))).containsEntry("reward", "must be a number, got string 'high'");
        assertThat(byField(read(base.formatted("1e400")))).containsEntry("reward", "must be a finite number, got 1E+400");
        assertThat(byField(read(base.formatted("-0.01")))).containsEntry("reward", "must be between 0 and 1, got -0.01");
        assertThat(read(base.formatted("0")).ok()).isTrue();
        assertThat(read(base.formatted("1")).ok()).isTrue();
    }

    @Test
    void enforcesSizeDepthStringAndStepLimits() {
        TrajectoryReader small = new TrajectoryReader(new TrajectoryLimits(2_000, 3, 6, 100), Redactor.defaults());
        String base = "{\"agent_id\": \"a\", \"task_id\": \"t\", \"final_outcome\": \"success\", \"reward\": 1, %s}";

        Map<String, String> steps = byField(small.read(TestJson.parse(base.formatted(
                "\"steps\": [{\"tool_name\": \"a\"}, {\"tool_name\": \"a\"}, {\"tool_name\": \"a\"}, {\"tool_name\": \"a\"}]")), context));
        assertThat(steps).containsEntry("steps", "has 4 steps, over the limit of 3");

        Map<String, String> deep = byField(small.read(TestJson.parse(base.formatted(
                "\"metadata\": {\"a\": {\"b\": {\"c\": {\"d\": {\"e\": {}}}}}}")), context));
        assertThat(deep).containsEntry("metadata.a.b.c.d.e", "nesting is deeper than the limit of 6 levels");

        Map<String, String> longString = byField(small.read(TestJson.parse(base.formatted(
                "\"metadata\": {\"note\": \"" + "x".repeat(101) + "\"}")), context));
        assertThat(longString).containsEntry("metadata.note", "string is 101 characters, over the limit of 100");

        Map<String, String> big = byField(small.read(TestJson.parse(base.formatted(
                "\"metadata\": {\"notes\": [" + String.join(",", java.util.Collections.nCopies(40, "\"" + "y".repeat(90) + "\"")) + "]}")), context));
        assertThat(big.get("")).startsWith("the trajectory is about ").endsWith("bytes, over the limit of 2000 bytes");
    }

    @Test
    void theDefaultDepthLimitAcceptsSixtyFourLevelsAndRefusesSixtyFive() {
        String base = "{\"agent_id\": \"a\", \"task_id\": \"t\", \"final_outcome\": \"success\", \"reward\": 1, \"metadata\": {\"x\": %s}}";
        // the item is level 1 and metadata level 2: 62 nested arrays under it reach 64
        assertThat(read(base.formatted("[".repeat(62) + "]".repeat(62))).ok()).isTrue();
        ReadResult tooDeep = read(base.formatted("[".repeat(63) + "]".repeat(63)));
        assertThat(tooDeep.violations()).singleElement().satisfies(v ->
                assertThat(v.message()).isEqualTo("nesting is deeper than the limit of 64 levels"));
    }

    @Test
    void refusesKeysWithNulAndTextThatIsNotUnicode() {
        JsonObject item = JsonObject.builder().put("agent_id", "a").put("task_id", "t").put("final_outcome", "success").put("reward", 1.0)
                .put("metadata", JsonObject.builder().put("bad\0key", 1L).put("half", "\ud800x").build()).build();
        Map<String, String> problems = byField(reader.read(item, context));
        assertThat(problems).containsEntry("metadata[\"bad\0key\"]", "keys must not contain the NUL character");
        assertThat(problems).containsEntry("metadata.half", "string is not valid Unicode (an unpaired surrogate at character 0)");
    }

    @Test
    void keepsArbitraryJsonExactly_oddKeysExactNumbersUnicode() {
        String json = """
                {"agent_id": "a", "task_id": "t", "final_outcome": "success", "reward": 1,
                 "metadata": {"$set": {"a.b": 12345678901234567, "": [1.50, -0.0, 1e-7]}, "emoji": "🧠 ü", "n": null},
                 "steps": [{"tool_name": "q", "tool_args": {"$where": "1 == 1"}, "tool_result": [true, {"x.y": 1}]}]}""";
        Trajectory t = read(json).orThrow();
        JsonObject set = (JsonObject) t.metadata().get("$set");

        assertThat(set.get("a.b")).isEqualTo(new JsonNumber(new BigDecimal("12345678901234567")));
        assertThat(((JsonArray) set.get("")).get(0)).isEqualTo(new JsonNumber(new BigDecimal("1.50")));
        assertThat(t.metadata()).isEqualTo(((JsonObject) TestJson.parse(json)).get("metadata"));
        assertThat(t.steps().get(0).toolArgs().get("$where")).isEqualTo(new JsonString("1 == 1"));
    }

    @Test
    void readsSeedStyleEpisodes_withAStableContentId() {
        String episode = """
                {"task_id": "root_cause_analysis", "score": 0.82, "steps": 7,
                 "trajectory_summary": "Investigated auth-service first, found JWT expiry bug",
                 "mistakes": ["Escalated too early before diagnosing"],
                 "successes": ["Correctly identified root cause on step 3"],
                 "mistake_cards": [{"mistake_type": "premature_escalation", "lesson": "Read logs first."}]}""";
        ReadContext asAgent = new ReadContext(NOW, () -> "never-used", "sre_agent");
        Trajectory t = reader.read(TestJson.parse(episode), asAgent).orThrow();

        assertThat(t.agentId()).isEqualTo("sre_agent");
        assertThat(t.reward()).isEqualTo(0.82);
        assertThat(t.finalOutcome()).isEqualTo(Outcome.PARTIAL);
        assertThat(t.stepsTaken()).isEqualTo(7);
        assertThat(t.steps()).isEmpty();
        assertThat(t.reflection().summary()).isEqualTo("Investigated auth-service first, found JWT expiry bug");
        assertThat(t.reflection().successes()).containsExactly("Correctly identified root cause on step 3");
        assertThat(t.reflection().mistakeCards()).hasSize(1);
        assertThat(t.trajectoryId()).startsWith("ep-").hasSize(35);
        assertThat(reader.read(TestJson.parse(episode), asAgent).orThrow().trajectoryId()).isEqualTo(t.trajectoryId());
        assertThat(reader.read(TestJson.parse(episode.replace("0.82", "0.83")), asAgent).orThrow().trajectoryId()).isNotEqualTo(t.trajectoryId());
        assertThat(reader.read(TestJson.parse(episode), new ReadContext(NOW, () -> "x", "other")).orThrow().trajectoryId()).isNotEqualTo(t.trajectoryId());

        assertThat(reader.read(TestJson.parse("{\"task_id\": \"t\", \"score\": 0.85}"), asAgent).orThrow().finalOutcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(reader.read(TestJson.parse("{\"task_id\": \"t\", \"score\": 0.49}"), asAgent).orThrow().finalOutcome()).isEqualTo(Outcome.FAILURE);
        assertThat(byField(reader.read(TestJson.parse("{\"task_id\": \"t\", \"score\": 0.5, \"reward\": 0.5}"), asAgent)))
                .containsEntry("score", "give reward or score, not both");
    }

    @Test
    void redactsSecretsBeforeValidation_soNoErrorEchoesThem() {
        String json = """
                {"agent_id": "a", "task_id": "t", "final_outcome": "success", "reward": 2,
                 "initial_state": {"db": {"Password": "hunter2"}},
                 "metadata": {"X-Api-Key": "k-123", "max_tokens": 500, "nested": [{"access_token": {"deep": "tok-9"}}]},
                 "steps": [{"tool_name": "http", "tool_args": {"headers": {"Authorization": "Bearer abc"}},
                            "tool_result": {"client_secret": "shh", "token_count": 12}}]}""";
        ReadResult invalid = read(json);
        assertThat(invalid.violations().toString()).doesNotContain("hunter2", "k-123", "tok-9", "abc", "shh");

        Trajectory t = read(json.replace("\"reward\": 2", "\"reward\": 1")).orThrow();
        String all = TrajectoryWriter.toJson(t).toString();
        assertThat(all).doesNotContain("hunter2", "k-123", "tok-9", "Bearer abc", "shh");
        assertThat(((JsonObject) t.initialState().get("db")).get("Password")).isEqualTo(new JsonString(Redactor.MARK));
        assertThat(t.metadata().get("max_tokens")).isEqualTo(JsonNumber.of(500));
        JsonObject result = (JsonObject) t.steps().get(0).toolResult();
        assertThat(result.get("token_count")).isEqualTo(JsonNumber.of(12));
        assertThat(result.get("client_secret")).isEqualTo(new JsonString(Redactor.MARK));
    }

    @Test
    void redactionCanBeTurnedOff() {
        TrajectoryReader plain = new TrajectoryReader(TrajectoryLimits.DEFAULT, Redactor.none());
        Trajectory t = plain.read(TestJson.parse("{\"agent_id\": \"a\", \"task_id\": \"t\", \"final_outcome\": \"success\", \"reward\": 1, \"metadata\": {\"password\": \"p\"}}"), context).orThrow();
        assertThat(t.metadata().get("password")).isEqualTo(new JsonString("p"));
    }

    @Test
    void capsTheErrorReportOfAPathologicalItem() {
        List<JsonValue> bad = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            bad.add(JsonObject.EMPTY);
        }
        JsonObject item = JsonObject.builder().put("agent_id", "a").put("task_id", "t").put("final_outcome", "success").put("reward", 1.0)
                .put("steps", new JsonArray(bad)).build();
        List<Violation> violations = reader.read(item, context).violations();
        assertThat(violations).hasSize(Problems.MAX + 1);
        assertThat(violations.get(Problems.MAX).message()).isEqualTo("and 400 more problems");
    }
}
