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
import java.util.concurrent.locks.LockSupport;

/**
 * One line per request on standard error — text, or one JSON object per line ({@code server.log_format: json}).
 * It names the key by its id only: the key itself, the Authorization header and bodies are never logged.
 *
 * <p>Lines are formatted and written by a thread of their own, in batches, so that a request's line costs its thread
 * a small record and a queue offer rather than formatting and a locked, unbuffered write to the stream (a system call
 * per request on an event-loop thread). The writer looks at the queue every 5 ms; a line waits at most that long.
 * Nothing is dropped: when the queue is full a request waits for room; {@link #close} writes out what is queued,
 * and lines after it are written directly.
 */
final class AccessLog implements AutoCloseable {
    private static final int QUEUE = 65_536;
    /** How long the writer sleeps when it finds nothing queued: the most a line waits before it is written. */
    private static final long PAUSE_NANOS = 5_000_000L;
    /** Put on the queue by {@link #close}: the writer writes what is before it and ends. */
    private static final Object END = new Object();

    /** A request's line as taken on its thread: the fields only, formatted by the writer. */
    private record RequestLine(long epochMillis, String requestId, String method, String path, String route, int status,
                               long nanos, String keyId, String namespace) {
    }

    /** One of the server's own events (start, stop, a failure), formatted by the writer like a request's line. */
    private record EventLine(long epochMillis, String level, String message) {
    }

    private final PrintStream out;
    private final boolean json;
    private final boolean requests;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Thread writer;
    private final StringBuilder text = new StringBuilder(); // the writer's
    private long second = Long.MIN_VALUE; // the writer's: the second whose text is in secondText
    private String secondText = "";
    private volatile boolean closed;

    AccessLog(PrintStream out, boolean json, boolean requests) {
        this.out = out;
        this.json = json;
        this.requests = requests;
        this.writer = new Thread(this::drain, "engram-access-log");
        writer.setDaemon(true);
        writer.start();
    }

    void request(String requestId, String method, String path, String route, int status, long nanos, String keyId, String namespace) {
        if (!requests) {
            return; // server.access_log: false
        }
        write(new RequestLine(System.currentTimeMillis(), requestId, method, path, route, status, nanos, keyId, namespace));
    }

    void event(String level, String message) {
        write(new EventLine(System.currentTimeMillis(), level, message));
    }

    private void write(Object line) {
        if (!closed) {
            try {
                queue.put(line);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (out) {
            text.setLength(0);
            append(line);
            out.print(text);
            out.flush();
        }
    }

    private void drain() {
        List<Object> batch = new ArrayList<>();
        boolean end = false;
        while (!end) {
            queue.drainTo(batch);
            if (batch.isEmpty()) {
                // the writer looks every few milliseconds rather than being woken by each line: a wake-up per request
                // (a futex call and a thread switch on a two-core machine) cost more than the line itself
                LockSupport.parkNanos(this, PAUSE_NANOS);
                if (Thread.interrupted()) {
                    closed = true; // close() interrupts nothing; an interrupt ends the thread after writing out what is queued
                    queue.drainTo(batch);
                    end = true;
                } else {
                    continue;
                }
            }
            synchronized (out) {
                text.setLength(0);
                for (Object line : batch) {
                    if (line == END) {
                        end = true;
                    } else {
                        append(line);
                    }
                }
                out.print(text);
                out.flush();
            }
            batch.clear();
        }
    }

    /** Appends one line and its line separator to {@link #text} (called holding the stream's lock). */
    private void append(Object line) {
        if (line instanceof EventLine e) {
            if (json) {
                text.append(JsonCodec.instance().write(JsonObject.builder().put("time", time(e.epochMillis()))
                        .put("level", e.level()).put("event", "server").put("message", e.message()).build()));
            } else {
                text.append(time(e.epochMillis())).append(' ').append(e.level()).append(' ').append(e.message());
            }
            text.append(System.lineSeparator());
            return;
        }
        RequestLine r = (RequestLine) line;
        double millis = r.nanos() / 1e6;
        if (json) {
            JsonObject.Builder entry = JsonObject.builder()
                    .put("time", time(r.epochMillis()))
                    .put("level", "info")
                    .put("event", "request")
                    .put("request_id", r.requestId())
                    .put("method", r.method())
                    .put("path", r.path())
                    .put("route", r.route())
                    .put("status", r.status())
                    .put("millis", Math.round(millis * 1000) / 1000.0);
            if (r.keyId() != null) {
                entry.put("key_id", r.keyId()).put("namespace", r.namespace());
            }
            text.append(JsonCodec.instance().write(entry.build()));
        } else {
            text.append(time(r.epochMillis())).append(' ').append(r.method()).append(' ').append(r.path()).append(' ')
                    .append(r.status()).append(' ').append(Math.round(millis * 10) / 10.0).append("ms id=").append(r.requestId());
            if (r.keyId() != null) {
                text.append(" key=").append(r.keyId()).append(" ns=").append(r.namespace());
            }
        }
        text.append(System.lineSeparator());
    }

    /** ISO-8601 in UTC to the millisecond ({@code 2026-12-06T21:13:37.042Z}); the second's text is made once a second. */
    private String time(long epochMillis) {
        long s = Math.floorDiv(epochMillis, 1000);
        if (s != second) {
            second = s;
            String whole = Timestamps.format(Instant.ofEpochSecond(s)); // 2026-12-06T21:13:37Z
            secondText = whole.substring(0, whole.length() - 1) + ".";
        }
        int ms = (int) Math.floorMod(epochMillis, 1000);
        return secondText + (char) ('0' + ms / 100) + (char) ('0' + ms / 10 % 10) + (char) ('0' + ms % 10) + "Z";
    }

    /** Writes out every queued line; later lines go straight to the stream. */
    @Override
    public void close() {
        closed = true;
        try {
            if (queue.offer(END, 5, TimeUnit.SECONDS)) {
                LockSupport.unpark(writer);
                writer.join(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // lines queued after the writer's last look (or left by a writer that did not end in time) are not left behind
        List<Object> rest = new ArrayList<>();
        queue.drainTo(rest);
        synchronized (out) {
            text.setLength(0);
            rest.stream().filter(line -> line != END).forEach(this::append);
            out.print(text);
            out.flush();
        }
    }
}
