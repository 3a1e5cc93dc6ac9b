package dev.engram.app.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.app.cli.ExitCodes;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands that read (get, list, sample, top, stats, context, memory show, consolidate --dry-run) on one recorded store. */
class QueryCommandsEndToEndTest {
    private static final int RUNS = 24;

    @TempDir
    static Path dir;

    private static Engram engram;

    @BeforeAll
    static void recordRuns() {
        engram = Engram.at(dir.resolve("data"));
        engram.run("record", Engram.write(dir, "runs.jsonl", Runs.lines("run", RUNS)).toString()).expect(0);
    }

    @Test
    void getShowsOneTrajectoryInFullOrAsRecorded() {
        assertThat(engram.run("get", "run-001").expect(0).out())
                .contains("trajectory  run-001", "agent       sre_agent", "1. run {\"n\":1,\"token\":\"[REDACTED]\"}", "why:    try it",
                        "mistake:   Skipped the canary stage");
        Json json = Json.of(engram.run("get", "run-001", "--json").expect(0).out());
        assertThat(json.at("trajectory_id").text()).isEqualTo("run-001");
        assertThat(json.at("created_at").text()).isEqualTo("2024-01-01T09:00:00Z");
        assertThat(engram.run("get", "no-such-run").expect(ExitCodes.NOT_FOUND).err()).contains("no trajectory no-such-run in namespace default");
        assertThat(engram.run("--namespace", "elsewhere", "get", "run-001").expect(ExitCodes.NOT_FOUND).err()).contains("namespace elsewhere");
    }

    @Test
    void listPagesNewestFirstWithACursorAndFilters() {
        Json first = Json.of(engram.run("list", "--limit", "10", "--json").expect(0).out());
        assertThat(first.keys()).containsExactly("items", "next_cursor");
        assertThat(first.at("items").size()).isEqualTo(10);
        assertThat(first.at("items", 0, "trajectory_id").text()).isEqualTo("run-023");
        Json second = Json.of(engram.run("list", "--limit", "10", "--cursor", first.at("next_cursor").text(), "--json").expect(0).out());
        assertThat(second.at("items", 0, "trajectory_id").text()).isEqualTo("run-013");
        Json filtered = Json.of(engram.run("list", "--agent", "sre_agent", "--outcome", "FAILURE", "--since", "2024-01-01T10:00:00Z",
                "--limit", "100", "--json").expect(0).out());
        assertThat(filtered.at("next_cursor").isNull()).isTrue();
        assertThat(filtered.at("items").items()).isNotEmpty().allSatisfy(t -> {
            assertThat(t.at("agent_id").text()).isEqualTo("sre_agent");
            assertThat(t.at("final_outcome").text()).isEqualTo("failure");
        });
        assertThat(engram.run("list", "--limit", "3").expect(0).out()).contains("ID", "OUTCOME", "run-023", "more: add --cursor ");
        assertThat(engram.run("list", "--since", "last tuesday").expect(ExitCodes.USAGE).err())
                .contains("--since", "not an ISO-8601 time (2026-11-20T10:00:00Z) or a duration ago");
        assertThat(engram.run("list", "--limit", "0").expect(ExitCodes.USAGE).err()).contains("limit: must be between 1 and 1000, got 0");
    }

    @Test
    void sampleReturnsProbabilitiesAndWeights_reproduciblyWithASeed() {
        for (String strategy : List.of("uniform", "prioritized", "recency", "mixed", "balanced", "fifo", "lifo", "top")) {
            Json batch = Json.of(engram.run("sample", "-n", "4", "--strategy", strategy, "--seed", "11", "--json").expect(0).out());
            assertThat(batch.keys()).containsExactly("strategy", "seed", "requested", "returned", "items");
            assertThat(batch.at("strategy").text()).isEqualTo(strategy);
            assertThat(batch.at("returned").number()).as(strategy).isEqualTo(4);
            assertThat(batch.at("items").items()).allSatisfy(item -> {
                assertThat(item.keys()).containsExactly("trajectory_id", "probability", "weight", "trajectory");
                assertThat(item.at("probability").decimal()).isBetween(0.0, 1.0);
                assertThat(item.at("weight").decimal()).isBetween(0.0, 1.0);
            });
        }
        String once = engram.run("sample", "-n", "5", "--preset", "stable", "--seed", "42", "--json").expect(0).out();
        String again = engram.run("sample", "-n", "5", "--preset", "stable", "--seed", "42", "--json").expect(0).out();
        assertThat(ids(Json.of(again))).isEqualTo(ids(Json.of(once)));
        // an explicit flag overrides the preset: beta 0 means no correction, every weight 1
        Json uncorrected = Json.of(engram.run("sample", "-n", "5", "--preset", "stable", "--beta", "0", "--json").expect(0).out());
        assertThat(uncorrected.at("items").items()).allSatisfy(item -> assertThat(item.at("weight").decimal()).isEqualTo(1.0));
        Json all = Json.of(engram.run("sample", "-n", "1000", "--agent", "builder_agent", "--json").expect(0).out());
        assertThat(all.at("returned").number()).isEqualTo(RUNS / 2);
        assertThat(Json.of(engram.run("sample", "-n", "100", "--replacement", "--domain", "code", "--json").expect(0).out())
                .at("returned").number()).isEqualTo(100);
        assertThat(engram.run("sample", "-n", "3", "--strategy", "recency", "--half-life", "12h", "--seed", "3").expect(0).out())
                .contains("recency: 3 of 3 requested, seed 3", "PROBABILITY", "WEIGHT");
        assertThat(engram.run("sample", "-n", "0", "--beta", "2").expect(ExitCodes.USAGE).err())
                .contains("n: must be between 1 and 100000, got 0", "beta: must be between 0 and 1, got 2.0");
        assertThat(engram.run("sample", "-n", "3", "--strategy", "best").expect(ExitCodes.USAGE).err())
                .contains("must be one of uniform, prioritized, recency, mixed, balanced, fifo, lifo, top, got 'best'");
        assertThat(engram.run("sample", "--strategy", "uniform").expect(ExitCodes.USAGE).err()).contains("Missing required option: '-n=N'");
    }

    private static List<String> ids(Json batch) {
        return batch.at("items").items().stream().map(i -> i.at("trajectory_id").text()).toList();
    }

    @Test
    void topListsTheBestSuccessesAndTheWorstFailures() {
        Json best = Json.of(engram.run("top", "--task", "deploy", "--successes", "-n", "2", "--json").expect(0).out());
        assertThat(best.at("kind").text()).isEqualTo("successes");
        assertThat(best.at("items").items()).hasSize(2)
                .allSatisfy(t -> assertThat(t.at("final_outcome").text()).isEqualTo("success"));
        assertThat(best.at("items", 0, "reward").decimal()).isGreaterThanOrEqualTo(best.at("items", 1, "reward").decimal());
        assertThat(engram.run("top", "--task", "fix_auth_bugs", "--failures").expect(0).out()).contains("failure");
        engram.run("top", "--task", "deploy").expect(ExitCodes.USAGE);
    }

    @Test
    void statsHaveEveryDocumentedKey() {
        Json stats = Json.of(engram.run("stats", "--json").expect(0).out());
        assertThat(stats.keys()).containsExactly("total_trajectories", "by_outcome", "mean_reward", "by_agent", "by_task", "by_domain",
                "reward_histogram", "replay", "buffer", "memory", "series");
        assertThat(stats.at("total_trajectories").number()).isEqualTo(RUNS);
        assertThat(stats.at("by_agent", "sre_agent").keys()).containsExactly("count", "success_rate", "mean_reward");
        assertThat(stats.at("replay").keys()).containsExactly("size", "total_replays", "mean_loss", "domain_distribution");
        assertThat(stats.at("buffer").isNull()).isTrue();
        assertThat(stats.at("memory").isNull()).isTrue();
        assertThat(stats.at("series").isNull()).isTrue();
        Json agent = Json.of(engram.run("stats", "--agent", "sre_agent", "--by", "day", "--json").expect(0).out());
        assertThat(agent.at("memory").keys()).containsExactly("total_episodes", "global_rules", "task_rules", "mistakes_stored",
                "mistake_cards_stored", "top_mistake_cards", "scores_by_task");
        assertThat(agent.at("memory", "total_episodes").number()).isEqualTo(RUNS / 2);
        assertThat(agent.at("series", 0).keys()).containsExactly("bucket", "count", "success_rate", "mean_reward", "by_agent", "by_task");
        assertThat(agent.at("series", 0, "by_agent").keys()).containsExactly("sre_agent");
        assertThat(stats.at("reward_histogram").items()).hasSize(10);
        assertThat(stats.at("reward_histogram").items().stream().mapToLong(b -> b.at("count").number()).sum()).isEqualTo(RUNS);
        assertThat(engram.run("stats", "--agent", "sre_agent").expect(0).out()).contains("trajectories  12", "replay index", "memory");
        assertThat(engram.run("stats", "--by", "week").expect(ExitCodes.USAGE).err()).contains("must be day or hour");
    }

    @Test
    void contextAndMemoryShowWhatTheAgentLearned() {
        String context = engram.run("context", "--agent", "sre_agent", "--task", "deploy").expect(0).out();
        assertThat(context).startsWith("## MEMORY FROM PAST EPISODES").contains("Structured mistake cards:", "[skipped_canary, seen ");
        Json json = Json.of(engram.run("context", "--agent", "sre_agent", "--task", "deploy", "--max-tokens", "60", "--json").expect(0).out());
        assertThat(json.keys()).containsExactly("agent_id", "task_id", "tokens", "text", "sections");
        assertThat(json.at("tokens").number()).isPositive().isLessThanOrEqualTo(60);
        Engram.Result nobody = engram.run("context", "--agent", "nobody").expect(0);
        assertThat(nobody.out()).isEmpty();
        assertThat(nobody.err()).contains("agent nobody has no memory yet");

        assertThat(engram.run("memory", "show", "--agent", "sre_agent").expect(0).out())
                .contains("agent sre_agent (namespace default): 12 episodes", "rules for deploy", "[AVOID] Skipped the canary stage",
                        "mistake cards, strongest first", "skipped_canary");
        Json memory = Json.of(engram.run("memory", "show", "--agent", "sre_agent", "--json").expect(0).out());
        assertThat(memory.at("summary", "total_episodes").number()).isEqualTo(12);
        assertThat(memory.at("task_rules", "deploy", 0).keys()).contains("text", "polarity", "importance", "source", "trajectory_ids");
        assertThat(engram.run("memory", "show", "--agent", "nobody").expect(ExitCodes.NOT_FOUND).err()).contains("agent nobody has no memory");
        assertThat(engram.run("consolidate", "--agent", "sre_agent", "--dry-run").expect(0).out()).contains("sre_agent: ", "not stored (dry run)");
        engram.run("consolidate", "--agent", "nobody", "--dry-run").expect(ExitCodes.NOT_FOUND);
    }

    @Test
    void helpHasExamplesAndUsageErrorsExit2() {
        assertThat(engram.run("sample", "--help").expect(0).out()).contains("Usage: engram sample", "Examples:", "--half-life=DURATION");
        assertThat(engram.run("--help").expect(0).out()).contains("Usage: engram", "demo", "record", "import", "Exit codes:");
        assertThat(engram.run().expect(ExitCodes.USAGE).err()).contains("name a command");
        assertThat(engram.run("recrod").expect(ExitCodes.USAGE).err()).contains("Unmatched argument", "record");
        assertThat(engram.run("worker").expect(ExitCodes.USAGE).err()).contains("no write buffer is configured");
        assertThat(engram.run("--namespace", "bad/ns", "stats").expect(ExitCodes.USAGE).err()).contains("namespace: ");
    }
}
