package dev.engram.app.http;

import dev.engram.app.http.feed.InProcessLiveFeed;
import dev.engram.app.http.keys.ApiKeys;
import dev.engram.app.http.keys.ApiRole;
import dev.engram.domain.json.JsonValue;
import dev.engram.json.JsonCodec;
import dev.engram.runtime.EngramRuntime;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** A real server on a free loopback port over a fresh embedded store, and a client for it. */
final class TestServer implements AutoCloseable {
    final EngramRuntime runtime;
    final EngramServer server;
    final ApiKeys keys;
    final ByteArrayOutputStream log = new ByteArrayOutputStream();
    // the server speaks HTTP/1.1: no h2c upgrade attempts (the JDK client adds Upgrade headers to bodiless requests)
    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    TestServer(Path dir, Map<String, String> settings) {
        Map<String, String> flags = new HashMap<>();
        flags.put("data_dir", dir.resolve("data").toString());
        flags.put("server.port", "0");
        flags.putAll(settings);
        runtime = EngramRuntime.start(ServerDefaults.configure(new EngramRuntime.Options(null, Map.of(), flags, true)));
        keys = new ApiKeys(runtime.settings().server().keyFile(), Clock.systemUTC());
        server = new EngramServer(runtime.services(), runtime.settings(), keys, new InProcessLiveFeed(1_000),
                new PrintStream(log, true, StandardCharsets.UTF_8)).start();
    }

    TestServer(Path dir) {
        this(dir, Map.of());
    }

    String key(String namespace, ApiRole role) {
        return keys.create(namespace, role, "test").token();
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
    }

    /** A response and its body parsed (null when it is not JSON). */
    record Answer(int status, String text, JsonValue json, HttpResponse<String> response) {
        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    Answer send(String method, String pathAndQuery, String key, String contentType, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(30));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonValue json = null;
            String type = r.headers().firstValue("Content-Type").orElse("");
            if (type.startsWith("application/json") && !r.body().isBlank()) {
                json = JsonCodec.instance().parse(r.body());
            }
            return new Answer(r.statusCode(), r.body(), json, r);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer get(String path, String key) {
        return send("GET", path, key, null, null);
    }

    Answer post(String path, String key, String json) {
        return send("POST", path, key, "application/json", json);
    }

    @Override
    public void close() {
        try {
            server.stop();
        } finally {
            runtime.close();
        }
    }

    static String trajectory(String id, String agent, String task, String outcome, double reward) {
        return "{\"trajectory_id\": \"" + id + "\", \"agent_id\": \"" + agent + "\", \"task_id\": \"" + task + "\", \"final_outcome\": \""
                + outcome + "\", \"reward\": " + reward + ", \"steps\": [{\"tool_name\": \"analyze_code\", \"tool_args\": {\"file\": \"auth.py\"},"
                + " \"tool_result\": \"ok\"}], \"reflection\": {\"summary\": \"did it\", \"mistakes\": [\"Escalated too early\"],"
                + " \"successes\": [\"Read the logs first\"]}}";
    }
}
