package dev.engram.app.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Follows {@code /v1/stream} and collects its events (id and data), as a client with a key must: not EventSource. */
final class SseClient implements AutoCloseable {
    record Event(String id, String data) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CountDownLatch greeted = new CountDownLatch(1);
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile Stream<String> lines;

    SseClient(HttpClient client, URI uri, String key, String lastEventId) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + key).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        response = client.sendAsync(b.build(), HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(r -> {
            lines = r.body();
            String[] id = {null};
            StringBuilder data = new StringBuilder();
            try {
                lines.forEach(line -> {
                    if (line.startsWith(": engram live feed")) {
                        greeted.countDown();
                    } else if (line.startsWith("id: ")) {
                        id[0] = line.substring(4);
                    } else if (line.startsWith("data: ")) {
                        data.append(line.substring(6));
                    } else if (line.isEmpty() && data.length() > 0) {
                        events.add(new Event(id[0], data.toString()));
                        data.setLength(0);
                    }
                });
            } catch (RuntimeException e) {
                // closed
            }
        });
    }

    int status() throws Exception {
        return response.get(10, TimeUnit.SECONDS).statusCode();
    }

    /**
     * Waits for the server's greeting comment. The server sends it just before it follows the in-process feed, on the
     * same thread, so a record sent after the greeting arrived is one the feed sees.
     */
    boolean awaitGreeting(long millis) throws InterruptedException {
        return greeted.await(millis, TimeUnit.MILLISECONDS);
    }

    /** The next event within the time, or null. */
    Event next(long millis) throws InterruptedException {
        return events.poll(millis, TimeUnit.MILLISECONDS);
    }

    List<Event> drain(long millis) throws InterruptedException {
        List<Event> all = new ArrayList<>();
        for (Event e = next(millis); e != null; e = next(millis)) {
            all.add(e);
        }
        return all;
    }

    @Override
    public void close() {
        Stream<String> l = lines;
        if (l != null) {
            l.close();
        }
        response.cancel(true);
    }
}
