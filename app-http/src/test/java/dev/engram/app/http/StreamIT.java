package dev.engram.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.app.http.keys.ApiRole;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live feed: events as they are recorded, and a reconnect with Last-Event-ID gets exactly what it missed. */
class StreamIT {
    @TempDir
    static Path dir;
    static TestServer s;
    static String writer;
    static String reader;

    @BeforeAll
    static void start() {
        s = new TestServer(dir);
        writer = s.key("feed", ApiRole.WRITE);
        reader = s.key("feed", ApiRole.READ);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void resumesAfterTheLastEventIdSeen() throws Exception {
        String lastSeen;
        try (SseClient feed = new SseClient(s.client, s.uri("/v1/stream"), reader, null)) {
            assertThat(feed.status()).isEqualTo(200);
            assertThat(feed.awaitGreeting(5_000)).as("the feed's greeting").isTrue();
            s.post("/v1/trajectories", writer, "[" + TestServer.trajectory("s-1", "a", "t", "success", 1) + ","
                    + TestServer.trajectory("s-2", "a", "t", "failure", 0) + "]");
            SseClient.Event one = feed.next(5_000);
            SseClient.Event two = feed.next(5_000);
            assertThat(one.data()).contains("\"s-1\"");
            assertThat(two.data()).contains("\"s-2\"");
            assertThat(Long.parseLong(two.id())).isGreaterThan(Long.parseLong(one.id()));
            // an unchanged re-record is not news
            s.post("/v1/trajectories", writer, TestServer.trajectory("s-1", "a", "t", "success", 1));
            assertThat(feed.drain(300)).isEmpty();
            lastSeen = one.id();
        }
        // recorded while nobody followed: the feed still holds it
        s.post("/v1/trajectories", writer, TestServer.trajectory("s-3", "a", "t", "success", 1));
        try (SseClient resumed = new SseClient(s.client, s.uri("/v1/stream"), reader, lastSeen)) {
            assertThat(resumed.status()).isEqualTo(200);
            List<SseClient.Event> missed = resumed.drain(500);
            assertThat(missed).extracting(e -> e.data().contains("\"s-2\"") ? "s-2" : e.data().contains("\"s-3\"") ? "s-3" : "other")
                    .containsExactly("s-2", "s-3");
        }
    }

    @Test
    void aBadLastEventIdIsRefused() {
        java.net.http.HttpRequest r = java.net.http.HttpRequest.newBuilder(s.uri("/v1/stream")).header("Authorization", "Bearer " + reader)
                .header("Last-Event-ID", "yesterday").build();
        try {
            java.net.http.HttpResponse<String> response = s.client.send(r, java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("Last-Event-ID");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
