package dev.engram.app.http;

import dev.engram.domain.json.JsonObject;
import dev.engram.domain.trajectory.Timestamps;
import dev.engram.json.JsonCodec;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One line per request on standard error — text, or one JSON object per line ({@code server.log_format: json}).
 * It names the key by its id only: the key itself, the Authorization header and bodies are never logged.
 *
 * <p>Lines are written by a thread of their own, in batches, so that a request's line costs its thread a queue
 * offer rather than a locked, unbuffered write to the stream (a system call per request on an event-loop thread).
 * Nothing is dropped: when the queue is full a request waits for room; {@link #close} writes out what is queued,
 * and lines after it are written directly.
 */
final class AccessLog implements AutoCloseable {
    private static final int QUEUE = 16_384;

    private final PrintStream out;
    private final boolean json;
    private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Thread writer;
    private volatile boolean closed;

    AccessLog(PrintStream out, boolean json) {
        this.out = out;
        this.json = json;
        this.writer = new Thread(this::drain, "engram-access-log");
        writer.setDaemon(true);
        writer.start();
    }

    void request(String requestId, String method, String path, String route, int status, long nanos, String keyId, String namespace) {
        double millis = nanos / 1e6;
        if (json) {
            JsonObject.Builder line = JsonObject.builder()
                    .put("time", Timestamps.format(Instant.now()))
                    .put("level", "info")
                    .put("event", "request")
                    .put("request_id", requestId)
                    .put("method", method)
                    .put("path", path)
                    .put("route", route)
                    .put("status", status)
                    .put("millis", Math.round(millis * 1000) / 1000.0);
            if (keyId != null) {
                line.put("key_id", keyId).put("namespace", namespace);
            }
            write(JsonCodec.instance().write(line.build()));
        } else {
            StringBuilder line = new StringBuilder(160).append(Timestamps.format(Instant.now())).append(' ').append(method).append(' ')
                    .append(path).append(' ').append(status).append(' ').append(Math.round(millis * 10) / 10.0).append("ms id=").append(requestId);
            if (keyId != null) {
                line.append(" key=").append(keyId).append(" ns=").append(namespace);
            }
            write(line.toString());
        }
    }

    void event(String level, String message) {
        if (json) {
            write(JsonCodec.instance().write(JsonObject.builder().put("time", Timestamps.format(Instant.now()))
                    .put("level", level).put("event", "server").put("message", message).build()));
        } else {
            write(Timestamps.format(Instant.now()) + " " + level + " " + message);
        }
    }

    private void write(String line) {
        if (!closed) {
            try {
                queue.put(line);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (out) {
            out.println(line);
        }
    }

    private void drain() {
        List<String> batch = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (true) {
            try {
                String first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closed && queue.isEmpty()) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
            } catch (InterruptedException e) {
                // close() interrupts nothing; an interrupt ends the thread after writing out what is queued
                closed = true;
            }
            queue.drainTo(batch);
            text.setLength(0);
            for (String line : batch) {
                text.append(line).append(System.lineSeparator());
            }
            batch.clear();
            synchronized (out) {
                out.print(text);
                out.flush();
            }
        }
    }

    /** Writes out every queued line; later lines go straight to the stream. */
    @Override
    public void close() {
        closed = true;
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // lines queued after the writer's last look are not left behind
        List<String> rest = new ArrayList<>();
        queue.drainTo(rest);
        synchronized (out) {
            rest.forEach(out::println);
            out.flush();
        }
    }
}
