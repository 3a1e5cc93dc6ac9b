package dev.engram.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.app.http.keys.ApiKeys;
import dev.engram.app.http.keys.ApiRole;
import dev.engram.runtime.EngramRuntime;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server in a child JVM gets SIGTERM while clients are recording: it stops accepting, finishes what is in flight,
 * and exits; every write it acknowledged is in the store afterwards. Repeated a few times (property
 * {@code engram.shutdown.rounds}, default 2) at a different moment of the load each time.
 */
class ShutdownIT {
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path dir;

    @Test
    void noAcknowledgedWriteIsLostAcrossSigterm() throws Exception {
        int rounds = Integer.getInteger("engram.shutdown.rounds", 2);
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        String key = new ApiKeys(data.resolve("api-keys.json"), Clock.systemUTC()).create("load", ApiRole.WRITE, "shutdown test").token();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        for (int round = 0; round < rounds; round++) {
            acknowledged.addAll(loadAndTerminate(data, key, round, 50 + 150 * round));
        }
        assertThat(acknowledged).hasSizeGreaterThan(10 * rounds);
        try (EngramRuntime runtime = EngramRuntime.start(new EngramRuntime.Options(null, Map.of(), Map.of("data_dir", data.toString()), false))) {
            List<String> missing = acknowledged.stream().filter(id -> runtime.services().get().get("load", id).block() == null).toList();
            assertThat(missing).as("acknowledged but not stored").isEmpty();
        }
    }

    private Set<String> loadAndTerminate(Path data, String key, int round, long loadMillis) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process server = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--data-dir", data.toString(), "serve", "--port", "0")
                .redirectError(dir.resolve("server-" + round + ".log").toFile())
                .start();
        int port;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).as("the server's first line").isNotNull();
            Matcher m = LISTENING.matcher(line);
            assertThat(m.find()).as(line).isTrue();
            port = Integer.parseInt(m.group(1));
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Set<String> acked = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger sent = new AtomicInteger();
        Set<String> failures = ConcurrentHashMap.newKeySet();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        for (int c = 0; c < 8; c++) {
            int worker = c;
            clients.submit(() -> {
                for (int i = 0; !stop.get() && i < 100_000; i++) {
                    String id = "r" + round + "-c" + worker + "-" + i;
                    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/trajectories"))
                            .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(20))
                            .POST(HttpRequest.BodyPublishers.ofString(TestServer.trajectory(id, "agent-" + worker, "load", "success", 0.5)))
                            .build();
                    sent.incrementAndGet();
                    try {
                        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 201 || r.statusCode() == 200) {
                            acked.add(id);
                        } else {
                            failures.add(r.statusCode() + " " + r.body());
                        }
                    } catch (Exception e) {
                        failures.add(e.toString());
                        if (server.isAlive()) {
                            continue;
                        }
                        return null;
                    }
                }
                return null;
            });
        }
        // under load (the first answers take a cold JVM a while), then a little later each round
        long until = System.nanoTime() + 30_000_000_000L;
        while (acked.size() < 20 && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        Thread.sleep(loadMillis);
        server.destroy(); // SIGTERM
        assertThat(server.waitFor(60, TimeUnit.SECONDS)).as("the server exits after SIGTERM").isTrue();
        assertThat(server.exitValue()).as("a graceful stop").isZero();
        stop.set(true);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(dir.resolve("server-" + round + ".log"));
        assertThat(log).doesNotContain("Exception");
        assertThat(sent.get()).isGreaterThan(acked.size());
        assertThat(acked).as("acknowledged in round " + round + "; failures: " + failures + "; server log: " + log).isNotEmpty();
        return acked;
    }
}
