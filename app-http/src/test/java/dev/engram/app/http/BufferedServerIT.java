package dev.engram.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.adapters.redis.harness.RedisServer;
import dev.engram.adapters.redis.harness.RedisServers;
import dev.engram.app.http.keys.ApiKeys;
import dev.engram.app.http.keys.ApiRole;
import dev.engram.runtime.EngramRuntime;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code engram-server serve} with the Redis write buffer in front of SQLite (a child JVM, a redis-server of its
 * own): records are acknowledged from the buffer, the live feed tails the buffer's log, the server's own worker drains
 * it into SQLite, and after SIGTERM every acknowledged trajectory is in the SQLite file.
 */
class BufferedServerIT {
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path dir;
    private RedisServer redis;
    private Process server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.destroyForcibly();
        }
        if (redis != null) {
            redis.close();
        }
    }

    /** Starts a redis-server and writes a configuration with it as the buffer in front of SQLite in {@code data}. */
    private Path bufferedConfig(Path data, String prefix) throws IOException {
        redis = RedisServers.start();
        Files.createDirectories(data);
        return Files.writeString(dir.resolve("engram.yaml"), String.join("\n",
                "storage: sqlite", "buffer: redis", "data_dir: " + data,
                "redis:", "  uri: " + redis.uri(), "  key_prefix: " + prefix, "  buffer:", "    batch_size: 100", "    interval: 100ms", ""));
    }

    /** Starts {@code engram-server serve} in a child JVM; returns its port. */
    private int serve(Path config, String... extra) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--config", config.toString(), "serve", "--port", "0"));
        command.addAll(List.of(extra));
        server = new ProcessBuilder(command).redirectError(dir.resolve("server.log").toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as(Files.readString(dir.resolve("server.log"))).isNotNull();
        Matcher m = LISTENING.matcher(line);
        assertThat(m.find()).as(line).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void withNoWorkerTheServerAcknowledgesIntoTheBufferAndLeavesTheDrainingToOthers() throws Exception {
        Path data = dir.resolve("data");
        Path config = bufferedConfig(data, "nowork");
        String key = new ApiKeys(data.resolve("api-keys.json"), Clock.systemUTC()).create("buffered", ApiRole.WRITE, "it").token();
        int port = serve(config, "--no-worker");
        HttpClient client = HttpClient.newHttpClient();
        String body = IntStream.range(0, 5).mapToObj(i -> TestServer.trajectory("nw-" + i, "agent-n", "deploy", "success", 0.8))
                .collect(Collectors.joining("\n"));
        HttpResponse<String> recorded = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/trajectories"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        // ten times the worker interval: a worker in this process would have drained them by now
        Thread.sleep(1_000);
        String stats = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/stats")).header("Authorization", "Bearer " + key).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(stats).contains("\"buffer\":{\"lag\":5,\"pending\":0}").contains("\"total_trajectories\":0");
        server.destroy(); // SIGTERM: the acknowledged entries stay in the buffer for a worker
        assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(server.exitValue()).isZero();
    }

    @Test
    void theServerDrainsItsBufferAndFeedsTheStreamFromTheLog() throws Exception {
        Path data = dir.resolve("data");
        Path config = bufferedConfig(data, "httpit");
        String key = new ApiKeys(data.resolve("api-keys.json"), Clock.systemUTC()).create("buffered", ApiRole.WRITE, "it").token();
        int port = serve(config);
        HttpClient client = HttpClient.newHttpClient();

        List<String> ids = IntStream.range(0, 20).mapToObj(i -> "buf-" + i).toList();
        try (SseClient feed = new SseClient(client, URI.create("http://127.0.0.1:" + port + "/v1/stream"), key, null)) {
            assertThat(feed.status()).isEqualTo(200);
            assertThat(feed.awaitGreeting(5_000)).as("the feed's greeting").isTrue();
            // the buffer's tail takes each partition's last entry id only after the greeting (round trips to Redis),
            // so a record sent at once could precede the positions taken; give it time to take them
            Thread.sleep(300);
            String body = ids.stream().map(id -> TestServer.trajectory(id, "agent-b", "deploy", "success", 0.8)).collect(Collectors.joining("\n"));
            HttpResponse<String> recorded = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/trajectories"))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(recorded.statusCode()).as(recorded.body()).isIn(200, 201);
            List<String> seen = new ArrayList<>();
            while (seen.size() < ids.size()) {
                SseClient.Event e = feed.next(10_000);
                if (e == null) {
                    break;
                }
                ids.stream().filter(id -> e.data().contains("\"" + id + "\"")).forEach(seen::add);
            }
            assertThat(seen).as("the feed, from the buffer's log").containsExactlyInAnyOrderElementsOf(ids);
        }
        // the server's own worker drains the buffer: the backlog empties without an engram worker
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String stats = "";
        while (System.nanoTime() < deadline) {
            stats = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/stats")).header("Authorization", "Bearer " + key).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            if (stats.contains("\"buffer\":{\"lag\":0,\"pending\":0}") && stats.contains("\"total_trajectories\":20")) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(stats).contains("\"buffer\":{\"lag\":0,\"pending\":0}").contains("\"total_trajectories\":20");
        String metrics = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).contains("engram_buffer_lag");

        server.destroy(); // SIGTERM
        assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(server.exitValue()).isZero();
        try (EngramRuntime sqliteOnly = EngramRuntime.start(new EngramRuntime.Options(null, Map.of(), Map.of("data_dir", data.toString()), false))) {
            for (String id : ids) {
                assertThat(sqliteOnly.services().get().get("buffered", id).block()).as(id + " in the SQLite file").isNotNull();
            }
        }
    }
}
