package dev.engram.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.app.http.keys.ApiRole;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many more concurrent requests than any thread pool has threads, on routes whose use cases block on the embedded
 * store: every one is answered. (SQLite once handed its results back on the shared boundedElastic, on whose threads
 * the use cases wait for them; with as many requests in flight as it had threads, none finished.)
 */
class ConcurrencyIT {
    @TempDir
    static Path dir;
    static TestServer s;

    @BeforeAll
    static void start() {
        s = new TestServer(dir, Map.of("context.cache_ttl", "0s"));
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void twoHundredConcurrentRequestsAreAllAnswered() throws Exception {
        String key = s.key("busy", ApiRole.WRITE);
        assertThat(s.post("/v1/trajectories", key, TestServer.trajectory("c-0", "agent", "task", "success", 0.9)).status()).isEqualTo(201);
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String path = switch (i % 4) {
                case 0 -> "/v1/stats";
                case 1 -> "/v1/memory/agent/context?task=task";
                case 2 -> "/v1/memory/agent";
                default -> "/v1/trajectories?limit=5";
            };
            answers.add(s.client.sendAsync(HttpRequest.newBuilder(s.uri(path)).header("Authorization", "Bearer " + key)
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(90, TimeUnit.SECONDS);
        assertThat(answers).allSatisfy(a -> assertThat(a.get().statusCode()).isEqualTo(200));
    }
}
