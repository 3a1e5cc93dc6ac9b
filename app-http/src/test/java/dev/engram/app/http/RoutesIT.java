package dev.engram.app.http;

import static dev.engram.app.http.Json.items;
import static dev.engram.app.http.Json.number;
import static dev.engram.app.http.Json.text;
import static dev.engram.app.http.Json.value;
import static dev.engram.app.http.TestServer.trajectory;
import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.app.http.TestServer.Answer;
import dev.engram.app.http.keys.ApiRole;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every route over a real server: answers, statuses and the one error shape. */
class RoutesIT {
    @TempDir
    static Path dir;
    static TestServer s;
    static String admin;
    static String writer;
    static String reader;

    @BeforeAll
    static void start() {
        s = new TestServer(dir, Map.of("server.max_body_bytes", "200000", "server.max_batch_items", "50"));
        admin = s.key("team", ApiRole.ADMIN);
        writer = s.key("team", ApiRole.WRITE);
        reader = s.key("team", ApiRole.READ);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void recordsOneAnArrayAndNdjsonAndGetsThemBack() {
        Answer one = s.post("/v1/trajectories", writer, trajectory("r-one", "builder", "deploy", "success", 0.9));
        assertThat(one.status()).isEqualTo(201);
        assertThat(text(one.json(), "items.0.status")).isEqualTo("stored");

        Answer again = s.post("/v1/trajectories", writer, trajectory("r-one", "builder", "deploy", "success", 0.9));
        assertThat(again.status()).as("the same content again is a no-op").isEqualTo(200);
        assertThat(text(again.json(), "items.0.status")).isEqualTo("unchanged");

        Answer array = s.post("/v1/trajectories", writer, "[" + trajectory("r-a1", "builder", "deploy", "failure", 0.1) + ","
                + trajectory("r-a2", "builder", "deploy", "partial", 0.6) + "]");
        assertThat(array.status()).isEqualTo(201);
        assertThat(number(array.json(), "stored")).isEqualTo(2);

        String ndjson = trajectory("r-n1", "tester", "review", "success", 1.0) + "\n" + trajectory("r-n2", "tester", "review", "failure", 0.0) + "\n";
        Answer lines = s.send("POST", "/v1/trajectories", writer, "application/x-ndjson", ndjson);
        assertThat(lines.status()).isEqualTo(201);
        assertThat(items(lines.json(), "items")).hasSize(2);

        Answer got = s.get("/v1/trajectories/r-n1", reader);
        assertThat(got.status()).isEqualTo(200);
        assertThat(text(got.json(), "agent_id")).isEqualTo("tester");
        assertThat(got.header("X-Request-Id")).isNotBlank();
    }

    @Test
    void anIdIsGeneratedAndReturnedWhenAbsent() {
        Answer a = s.post("/v1/trajectories", writer, "{\"agent_id\": \"gen\", \"task_id\": \"t\", \"final_outcome\": \"success\", \"reward\": 1}");
        assertThat(a.status()).isEqualTo(201);
        String id = text(a.json(), "items.0.trajectory_id");
        assertThat(s.get("/v1/trajectories/" + id, reader).status()).isEqualTo(200);
    }

    @Test
    void aBatchWithOneInvalidItemStoresNothingAndNamesEveryProblem() {
        String batch = "[" + trajectory("b-ok", "builder", "deploy", "success", 0.9) + ","
                + "{\"trajectory_id\": \"b-bad\", \"agent_id\": \"builder\", \"task_id\": \"deploy\", \"final_outcome\": \"meh\", \"reward\": 1.5}]";
        Answer a = s.post("/v1/trajectories", writer, batch);
        assertThat(a.status()).isEqualTo(422);
        assertThat(text(a.json(), "error.code")).isEqualTo("invalid_trajectory");
        assertThat(items(a.json(), "error.details")).extracting(d -> value(d, "field")).contains("reward", "final_outcome");
        assertThat(number(a.json(), "error.details.0.index")).isEqualTo(1);
        assertThat(s.get("/v1/trajectories/b-ok", reader).status()).as("all or nothing").isEqualTo(404);

        Answer partial = s.post("/v1/trajectories?partial=true", writer, batch);
        assertThat(partial.status()).isEqualTo(201);
        assertThat(items(partial.json(), "items")).extracting(i -> value(i, "status")).containsExactly("stored", "invalid");
        assertThat(s.get("/v1/trajectories/b-ok", reader).status()).isEqualTo(200);
    }

    @Test
    void aChangedIdIsAConflict() {
        s.post("/v1/trajectories", writer, trajectory("c-1", "builder", "deploy", "success", 0.9));
        Answer a = s.post("/v1/trajectories", writer, trajectory("c-1", "builder", "deploy", "failure", 0.2));
        assertThat(a.status()).isEqualTo(409);
        assertThat(text(a.json(), "error.code")).isEqualTo("conflict");
        assertThat(text(s.get("/v1/trajectories/c-1", reader).json(), "final_outcome")).isEqualTo("success");
    }

    @Test
    void malformedJsonIs400AndAWrongTypeIs415() {
        Answer bad = s.post("/v1/trajectories", writer, "{\"agent_id\": ");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(text(bad.json(), "error.code")).isEqualTo("malformed_json");
        Answer form = s.send("POST", "/v1/trajectories", writer, "application/x-www-form-urlencoded", "a=b");
        assertThat(form.status()).isEqualTo(415);
        assertThat(text(form.json(), "error.code")).isEqualTo("unsupported_media_type");
    }

    @Test
    void tooLargeBodiesAndBatchesAre413() {
        String big = "[" + IntStream.range(0, 60).mapToObj(i -> trajectory("big-" + i, "builder", "deploy", "success", 0.5))
                .collect(Collectors.joining(",")) + "]";
        Answer many = s.post("/v1/trajectories", writer, big);
        assertThat(many.status()).isEqualTo(413);
        assertThat(text(many.json(), "error.code")).isEqualTo("too_large");
        String huge = "{\"agent_id\": \"a\", \"task_id\": \"t\", \"final_outcome\": \"success\", \"reward\": 1, \"metadata\": {\"x\": \""
                + "y".repeat(300_000) + "\"}}";
        Answer body = s.post("/v1/trajectories", writer, huge);
        assertThat(body.status()).isEqualTo(413);
        assertThat(s.get("/v1/trajectories/big-0", reader).status()).isEqualTo(404);
    }

    @Test
    void keysAndRoles() {
        assertThat(s.get("/v1/stats", null).status()).isEqualTo(401);
        Answer wrong = s.get("/v1/stats", "egk_000000000000_nope");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(text(wrong.json(), "error.code")).isEqualTo("unauthorized");
        Answer readOnly = s.post("/v1/trajectories", reader, trajectory("k-1", "builder", "deploy", "success", 0.9));
        assertThat(readOnly.status()).isEqualTo(403);
        assertThat(text(readOnly.json(), "error.code")).isEqualTo("forbidden");
        s.post("/v1/trajectories", writer, trajectory("k-2", "builder", "deploy", "success", 0.9));
        assertThat(s.send("DELETE", "/v1/trajectories/k-2", writer, null, null).status()).as("delete is admin's").isEqualTo(403);
        assertThat(s.send("DELETE", "/v1/trajectories/k-2", admin, null, null).status()).isEqualTo(200);
        assertThat(s.send("DELETE", "/v1/trajectories/k-2", admin, null, null).status()).isEqualTo(404);

        String revoked = s.key("team", ApiRole.READ);
        assertThat(s.get("/v1/stats", revoked).status()).isEqualTo(200);
        s.keys.revoke(revoked.substring(4, 16));
        assertThat(s.get("/v1/stats", revoked).status()).isEqualTo(401);
    }

    @Test
    void theAuthorizationHeaderIsBearerAndTheKeyInAnyCaseAndSpacing() {
        assertThat(withAuthorization("bearer   " + reader + " ").status()).isEqualTo(200);
        assertThat(withAuthorization("BEARER\t" + reader).status()).isEqualTo(200);
        for (String bad : new String[] {"Bearer", "Bearer ", reader, "Basic " + reader, "Bearerx " + reader}) {
            Answer a = withAuthorization(bad);
            assertThat(a.status()).as(bad).isEqualTo(401);
            assertThat(text(a.json(), "error.code")).isEqualTo("unauthorized");
        }
        assertThat(text(withAuthorization("Basic abc").json(), "error.message")).contains("Bearer <key>");
    }

    private static Answer withAuthorization(String header) {
        try {
            var r = s.client.send(java.net.http.HttpRequest.newBuilder(s.uri("/v1/stats")).header("Authorization", header).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body(), dev.engram.json.JsonCodec.instance().parse(r.body()), r);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void unknownRoutesMethodsAndParameters() {
        assertThat(s.get("/v1/nothing", reader).status()).isEqualTo(404);
        Answer method = s.send("PUT", "/v1/trajectories", writer, "application/json", "{}");
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.header("Allow")).contains("GET").contains("POST");
        Answer typo = s.get("/v1/trajectories?agnet=x", reader);
        assertThat(typo.status()).isEqualTo(400);
        assertThat(text(typo.json(), "error.details.0.field")).isEqualTo("agnet");
        Answer limit = s.get("/v1/trajectories?limit=0", reader);
        assertThat(limit.status()).isEqualTo(400);
        assertThat(text(limit.json(), "error.details.0.field")).isEqualTo("limit");
    }

    @Test
    void listPagesWithACursorAndFilters() {
        for (int i = 0; i < 5; i++) {
            s.post("/v1/trajectories", writer, trajectory("p-" + i, "pager", "paging", "success", 0.5));
        }
        Answer first = s.get("/v1/trajectories?agent=pager&limit=3", reader);
        assertThat(items(first.json(), "items")).hasSize(3);
        String cursor = text(first.json(), "next_cursor");
        assertThat(cursor).isNotNull();
        Answer second = s.get("/v1/trajectories?agent=pager&limit=3&cursor=" + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8), reader);
        assertThat(items(second.json(), "items")).hasSize(2);
        assertThat(value(second.json(), "next_cursor")).isNull();
        assertThat(items(s.get("/v1/trajectories?agent=pager&outcome=failure", reader).json(), "items")).isEmpty();
    }

    @Test
    void topStatsSamplePrioritiesMemoryContextConsolidatePrune() {
        for (int i = 0; i < 6; i++) {
            s.post("/v1/trajectories", writer, trajectory("m-" + i, "memo", "triage", i % 2 == 0 ? "success" : "failure", i % 2 == 0 ? 0.9 : 0.1));
        }
        Answer top = s.get("/v1/top?task=triage&kind=failures&n=2", reader);
        assertThat(top.status()).isEqualTo(200);
        assertThat(s.get("/v1/top?task=triage&kind=worst", reader).status()).isEqualTo(400);

        Answer stats = s.get("/v1/stats?agent=memo&by=day", reader);
        assertThat(stats.status()).isEqualTo(200);
        assertThat(number(stats.json(), "by_agent.memo.count")).isEqualTo(6);
        assertThat(items(stats.json(), "series")).isNotEmpty();

        Answer sample = s.post("/v1/replay/sample", writer, "{\"n\": 3, \"seed\": 7, \"agent\": \"memo\", \"preset\": \"stable\"}");
        assertThat(sample.status()).isEqualTo(200);
        assertThat(number(sample.json(), "returned")).isEqualTo(3);
        assertThat(number(sample.json(), "seed")).isEqualTo(7);
        Answer again = s.post("/v1/replay/sample", writer, "{\"n\": 3, \"seed\": 7, \"agent\": \"memo\", \"preset\": \"stable\"}");
        assertThat(items(again.json(), "items")).extracting(i -> value(i, "trajectory_id"))
                .isEqualTo(items(sample.json(), "items").stream().map(i -> value(i, "trajectory_id")).toList());
        assertThat(s.post("/v1/replay/sample", reader, "{\"n\": 1}").status()).as("sampling changes replay counts").isEqualTo(403);
        Answer badSample = s.post("/v1/replay/sample", writer, "{\"n\": 0, \"strategy\": \"best\", \"colour\": 1}");
        assertThat(badSample.status()).isEqualTo(400);
        assertThat(items(badSample.json(), "error.details")).extracting(d -> value(d, "field")).contains("colour", "strategy");

        Answer priorities = s.send("POST", "/v1/replay/priorities", writer, "application/x-ndjson",
                "{\"trajectory_id\": \"m-0\", \"loss\": 2.5}\n{\"trajectory_id\": \"nope\", \"loss\": 1}\n");
        assertThat(priorities.status()).isEqualTo(200);
        Answer badPriorities = s.send("POST", "/v1/replay/priorities", writer, "application/x-ndjson", "{\"trajectory_id\": \"m-0\", \"loss\": -1}\n");
        assertThat(badPriorities.status()).isEqualTo(422);
        assertThat(text(badPriorities.json(), "error.details.0.field")).isEqualTo("loss");

        Answer memory = s.get("/v1/memory/memo", reader);
        assertThat(memory.status()).isEqualTo(200);
        assertThat(s.get("/v1/memory/nobody", reader).status()).isEqualTo(404);
        Answer context = s.get("/v1/memory/memo/context?task=triage&max_tokens=200", reader);
        assertThat(context.status()).isEqualTo(200);
        assertThat(number(context.json(), "tokens")).isLessThanOrEqualTo(200);
        Answer consolidate = s.send("POST", "/v1/memory/memo/consolidate?dry_run=true", writer, null, null);
        assertThat(consolidate.status()).isEqualTo(200);
        assertThat(s.send("POST", "/v1/memory/nobody/consolidate", writer, null, null).status()).isEqualTo(404);

        assertThat(s.post("/v1/admin/prune", writer, "{\"older_than\": \"30d\"}").status()).isEqualTo(403);
        Answer prune = s.post("/v1/admin/prune", admin, "{\"older_than\": \"30d\"}");
        assertThat(prune.status()).isEqualTo(200);
        assertThat(number(prune.json(), "deleted")).isZero();
        assertThat(s.post("/v1/admin/prune", admin, "{\"older_than\": \"soon\"}").status()).isEqualTo(400);
    }

    @Test
    void aRecordThroughTheServerShowsInTheNextContextAtOnce() {
        s.post("/v1/trajectories", writer, trajectory("ctx-1", "ctx-agent", "triage", "success", 0.9));
        Answer before = s.get("/v1/memory/ctx-agent/context?task=triage", reader);
        assertThat(s.get("/v1/memory/ctx-agent/context?task=triage", reader).text()).as("served again, unchanged").isEqualTo(before.text());
        s.post("/v1/trajectories", writer, "{\"trajectory_id\": \"ctx-2\", \"agent_id\": \"ctx-agent\", \"task_id\": \"triage\","
                + " \"final_outcome\": \"failure\", \"reward\": 0.1, \"reflection\": {\"mistakes\": [\"Restarted the wrong pod\"]}}");
        Answer after = s.get("/v1/memory/ctx-agent/context?task=triage", reader);
        assertThat(text(after.json(), "text")).contains("Restarted the wrong pod");
    }

    @Test
    void forgetRemovesTheAgent() {
        s.post("/v1/trajectories", writer, trajectory("f-1", "forgettable", "triage", "success", 0.9));
        Answer forget = s.send("DELETE", "/v1/memory/forgettable", admin, null, null);
        assertThat(forget.status()).isEqualTo(200);
        assertThat(number(forget.json(), "trajectories_deleted")).isEqualTo(1);
        assertThat(s.get("/v1/trajectories/f-1", reader).status()).isEqualTo(404);
    }

    @Test
    void healthReadinessMetricsAndOpenApiNeedNoKey() {
        assertThat(s.get("/healthz", null).status()).isEqualTo(200);
        Answer ready = s.get("/readyz", null);
        assertThat(ready.status()).isEqualTo(200);
        assertThat(text(ready.json(), "backends.trajectories.status")).isEqualTo("up");
        s.get("/v1/stats", reader);
        Answer metrics = s.get("/metrics", null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.text()).contains("engram_http_requests_seconds_count{method=\"GET\",route=\"/v1/stats\",status=\"200\"}");
        assertThat(s.get("/openapi.json", null).status()).isEqualTo(200);
    }

    @Test
    void theRequestIdIsEchoedAndTheKeyIsNeverLogged() {
        Answer a = s.send("GET", "/v1/stats", reader, null, null);
        assertThat(a.status()).isEqualTo(200);
        java.net.http.HttpRequest withId = java.net.http.HttpRequest.newBuilder(s.uri("/healthz")).header("X-Request-Id", "trace-42").build();
        try {
            assertThat(s.client.send(withId, java.net.http.HttpResponse.BodyHandlers.ofString()).headers().firstValue("X-Request-Id")).hasValue("trace-42");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        // the line is written once the answer is sent, so it may come just after the client has it
        String log = "";
        for (int i = 0; i < 200 && !(log.contains("trace-42") && log.contains("/v1/stats")); i++) {
            sleep(10);
            log = s.log.toString(java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(log).contains("trace-42").contains("/v1/stats");
        assertThat(log).doesNotContain(reader).doesNotContain(reader.substring(17));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
