package dev.engram.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.app.http.TestServer.Answer;
import dev.engram.app.http.keys.ApiRole;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-key rate limits (429 with Retry-After), slow clients cut off, metrics on a port of their own. */
class LimitsIT {
    @TempDir
    static Path dir;
    static TestServer s;

    @BeforeAll
    static void start() {
        s = new TestServer(dir, Map.of("server.rate_limit", "2", "server.read_timeout", "1s", "server.metrics_port", "0"));
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void aKeyOverItsRateIsToldWhenToRetryAndOthersAreNotSlowed() {
        String busy = s.key("limits", ApiRole.READ);
        String calm = s.key("limits", ApiRole.READ);
        Answer last = null;
        for (int i = 0; i < 10; i++) {
            last = s.get("/v1/stats", busy);
            if (last.status() == 429) {
                break;
            }
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(Json.text(last.json(), "error.code")).isEqualTo("rate_limited");
        assertThat(Long.parseLong(last.header("Retry-After"))).isBetween(1L, 2L);
        assertThat(s.get("/v1/stats", calm).status()).as(s.log.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(200);
    }

    @Test
    void aClientThatStopsSendingIsDisconnected() throws Exception {
        String writer = s.key("limits", ApiRole.WRITE);
        try (Socket socket = new Socket("127.0.0.1", s.server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/trajectories HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + writer + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"agent")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            long start = System.nanoTime();
            byte[] rest = in.readAllBytes(); // returns when the server closes the connection
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(millis).as("closed by the read timeout, not by the 10 s socket timeout").isLessThan(8_000);
            assertThat(new String(rest, StandardCharsets.UTF_8)).doesNotContain("201");
        }
    }

    @Test
    void metricsCanHaveTheirOwnPort() throws Exception {
        assertThat(s.server.metricsPort()).isNotEqualTo(s.server.port());
        assertThat(s.get("/metrics", null).status()).isEqualTo(404);
        java.net.http.HttpResponse<String> r = s.client.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + s.server.metricsPort() + "/metrics")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("jvm_memory_used_bytes");
    }
}
