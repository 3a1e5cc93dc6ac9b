package dev.engram.app.http;

import static dev.engram.app.http.TestServer.trajectory;
import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.app.http.keys.ApiRole;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One keep-alive connection whose next request arrives while the previous answer is still completing: the server
 * answers every request, in order. A request that came in early is buffered by Reactor Netty until the previous one
 * has terminated; when that buffered request is answered at once (a refusal needs no store), Reactor Netty 1.3.7 could
 * leave the connection unread and the request after it unanswered (reactor/reactor-netty#4361) — CI saw exactly that
 * as a 30 s client timeout on the request after a 403.
 */
class KeepAliveIT {
    @TempDir
    static Path dir;
    static TestServer s;
    static String writer;
    static String admin;

    @BeforeAll
    static void start() {
        s = new TestServer(dir);
        writer = s.key("team", ApiRole.WRITE);
        admin = s.key("team", ApiRole.ADMIN);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @RepeatedTest(5)
    void aRequestPipelinedBehindAStoreWriteAndARefusalIsAnswered() throws IOException {
        String id = "ka-" + System.nanoTime();
        String body = trajectory(id, "keeper", "keep", "success", 0.5);
        try (Socket socket = new Socket("127.0.0.1", s.server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            // a write (answered from another thread), then at once a refusal (answered on the event loop, at once)
            out.write((request("POST", "/v1/trajectories", writer, body) + request("DELETE", "/v1/trajectories/" + id, writer, null))
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            List<Integer> statuses = new ArrayList<>();
            statuses.add(readResponse(in));
            statuses.add(readResponse(in));
            // and the next request on the same connection, after both answers
            out.write(request("DELETE", "/v1/trajectories/" + id, admin, null).getBytes(StandardCharsets.UTF_8));
            out.flush();
            statuses.add(readResponse(in));
            assertThat(statuses).containsExactly(201, 403, 200);
        }
    }

    @Test
    void aClientThatSendsEachRequestAsSoonAsTheLastAnswerArrivesIsAnsweredEveryTime() throws Exception {
        // what the JDK client in RoutesIT does: one connection, the next request the moment the answer is read
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = 0; i < 300; i++) {
            String id = "seq-" + i;
            assertThat(send(client, "POST", "/v1/trajectories", writer, trajectory(id, "keeper", "keep", "success", 0.5))).isEqualTo(201);
            assertThat(send(client, "DELETE", "/v1/trajectories/" + id, writer, null)).isEqualTo(403);
            assertThat(send(client, "GET", "/v1/trajectories/" + id, null, null)).isEqualTo(401);
            assertThat(send(client, "DELETE", "/v1/trajectories/" + id, admin, null)).isEqualTo(200);
        }
    }

    private static int send(HttpClient client, String method, String path, String key, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(s.uri(path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String request(String method, String path, String key, String body) {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        return method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + key + "\r\n"
                + (body == null ? "" : "Content-Type: application/json\r\n") + "Content-Length: " + bytes.length + "\r\n\r\n"
                + (body == null ? "" : body);
    }

    /** Reads one response (headers and a Content-Length body) and returns its status; fails on a 10 s silence. */
    private static int readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        try {
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("the server closed the connection; read so far: " + head);
                }
                head.write(b);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no answer within 10 s on a keep-alive connection; read so far: " + head, e);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        in.readNBytes(length);
        return Integer.parseInt(text.substring(9, 12));
    }
}
