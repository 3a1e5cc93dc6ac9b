package dev.engram.app.http;

import static dev.engram.app.http.Json.items;
import static dev.engram.app.http.Json.number;
import static dev.engram.app.http.Json.text;
import static dev.engram.app.http.Json.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.app.http.TestServer.Answer;
import dev.engram.app.http.keys.ApiRole;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two tenants on one server: tenant beta tries every route with alpha's ids, agents and tasks and sees nothing of
 * alpha's — not even whether an id exists there (the answer is the one for an id that exists nowhere).
 */
class TenantIsolationIT {
    @TempDir
    static Path dir;
    static TestServer s;
    static String alpha;
    static String beta;

    static String old(String id, String agent, String task, String outcome, double reward) {
        return TestServer.trajectory(id, agent, task, outcome, reward).replaceFirst("\\{", "{\"created_at\": \"2020-01-01T00:00:00Z\", ");
    }

    @BeforeAll
    static void start() {
        s = new TestServer(dir);
        alpha = s.key("alpha", ApiRole.ADMIN);
        beta = s.key("beta", ApiRole.ADMIN);
        StringBuilder batch = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            batch.append(old("alpha-" + i, "agent-a", "task-a", i % 2 == 0 ? "success" : "failure", i % 2 == 0 ? 0.9 : 0.1)).append('\n');
        }
        batch.append(old("shared-id", "agent-a", "task-a", "success", 1.0)).append('\n');
        assertThat(s.send("POST", "/v1/trajectories", alpha, "application/x-ndjson", batch.toString()).status()).isEqualTo(201);
        // the same id in another namespace is another trajectory, not a conflict
        assertThat(s.post("/v1/trajectories", beta, TestServer.trajectory("shared-id", "agent-b", "task-b", "failure", 0.0)).status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void getByIdAnswersAsForAnIdThatExistsNowhere() {
        Answer theirs = s.get("/v1/trajectories/alpha-1", beta);
        Answer nowhere = s.get("/v1/trajectories/never-recorded", beta);
        assertThat(theirs.status()).isEqualTo(404).isEqualTo(nowhere.status());
        assertThat(text(theirs.json(), "error.message").replace("alpha-1", "ID"))
                .isEqualTo(text(nowhere.json(), "error.message").replace("never-recorded", "ID"));
        assertThat(text(s.get("/v1/trajectories/shared-id", beta).json(), "agent_id")).isEqualTo("agent-b");
        assertThat(s.send("DELETE", "/v1/trajectories/alpha-1", beta, null, null).status()).isEqualTo(404);
        assertThat(s.get("/v1/trajectories/alpha-1", alpha).status()).isEqualTo(200);
    }

    @Test
    void listSampleTopAndStatsSeeOnlyTheirOwn() {
        assertThat(items(s.get("/v1/trajectories?agent=agent-a", beta).json(), "items")).isEmpty();
        assertThat(items(s.get("/v1/trajectories?limit=1000", beta).json(), "items")).extracting(t -> value(t, "agent_id")).containsOnly("agent-b");
        assertThat(items(s.get("/v1/top?task=task-a&kind=successes", beta).json(), "items")).isEmpty();

        Answer sample = s.post("/v1/replay/sample", beta, "{\"n\": 50, \"replacement\": false}");
        assertThat(items(sample.json(), "items")).extracting(i -> value(i, "trajectory.agent_id")).containsOnly("agent-b");
        assertThat(number(s.post("/v1/replay/sample", beta, "{\"n\": 5, \"agent\": \"agent-a\"}").json(), "returned")).isZero();

        Answer stats = s.get("/v1/stats", beta);
        long betas = items(s.get("/v1/trajectories?limit=1000", beta).json(), "items").size();
        assertThat(number(stats.json(), "total_trajectories")).isEqualTo(betas);
        assertThat(((dev.engram.domain.json.JsonObject) Json.at(stats.json(), "by_agent")).members()).containsOnlyKeys("agent-b");
        assertThat(number(s.get("/v1/stats?agent=agent-a", beta).json(), "total_trajectories")).isZero();
        assertThat(number(s.get("/v1/stats", alpha).json(), "total_trajectories")).isGreaterThanOrEqualTo(7);
    }

    @Test
    void memoryContextAndConsolidateOfTheirAgentAreNotThere() {
        assertThat(s.get("/v1/memory/agent-a", alpha).status()).isEqualTo(200);
        Answer theirs = s.get("/v1/memory/agent-a", beta);
        Answer nobody = s.get("/v1/memory/agent-z", beta);
        assertThat(theirs.status()).isEqualTo(404).isEqualTo(nobody.status());
        assertThat(text(theirs.json(), "error.message").replace("agent-a", "X")).isEqualTo(text(nobody.json(), "error.message").replace("agent-z", "X"));
        assertThat(text(s.get("/v1/memory/agent-a/context", beta).json(), "text")).isEmpty();
        assertThat(s.send("POST", "/v1/memory/agent-a/consolidate?dry_run=true", beta, null, null).status()).isEqualTo(404);
    }

    @Test
    void prioritiesPruneAndForgetTouchNothingOfTheirs() {
        Answer priorities = s.send("POST", "/v1/replay/priorities", beta, "application/x-ndjson", "{\"trajectory_id\": \"alpha-2\", \"loss\": 9}\n");
        assertThat(priorities.status()).isEqualTo(200);
        assertThat(number(priorities.json(), "updated")).isZero();
        assertThat(((dev.engram.domain.json.JsonObject) s.get("/v1/trajectories/alpha-2", alpha).json()).get("loss")).isNull();

        Answer prune = s.post("/v1/admin/prune", beta, "{\"older_than\": \"1d\"}");
        assertThat(number(prune.json(), "deleted")).as("alpha's are years old, beta's are new").isZero();
        Answer forget = s.send("DELETE", "/v1/memory/agent-a", beta, null, null);
        assertThat(number(forget.json(), "trajectories_deleted")).isZero();
        assertThat(s.get("/v1/trajectories/alpha-0", alpha).status()).isEqualTo(200);
        assertThat(s.get("/v1/memory/agent-a", alpha).status()).isEqualTo(200);
    }

    @Test
    void theStreamCarriesOnlyTheirOwnNamespace() throws Exception {
        try (SseClient betaFeed = new SseClient(s.client, s.uri("/v1/stream"), beta, null)) {
            assertThat(betaFeed.status()).isEqualTo(200);
            assertThat(betaFeed.awaitGreeting(5_000)).as("the feed's greeting").isTrue();
            s.post("/v1/trajectories", alpha, TestServer.trajectory("alpha-live", "agent-a", "task-a", "success", 1));
            s.post("/v1/trajectories", beta, TestServer.trajectory("beta-live", "agent-b", "task-b", "success", 1));
            SseClient.Event first = betaFeed.next(5_000);
            assertThat(first).isNotNull();
            assertThat(first.data()).contains("\"beta-live\"");
            List<SseClient.Event> rest = betaFeed.drain(300);
            assertThat(rest).noneMatch(e -> e.data().contains("alpha"));
        }
    }
}
