package dev.engram.app.http.feed;

import dev.engram.domain.error.DomainException;
import dev.engram.domain.trajectory.Trajectory;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * The live feed of one process: what it recorded, numbered in order. The last {@code retained} events of each
 * namespace are kept so that a client that reconnects with {@code Last-Event-ID} gets what it missed; a client
 * further behind gets what is still held (its first event's id shows the gap). A namespace is followed while someone
 * tails it and for {@link #RESUME_WINDOW_NANOS} (five minutes) after the last one left, so that a client that reconnects finds what was
 * recorded in between; nobody's namespace costs nothing.
 */
public final class InProcessLiveFeed implements LiveFeed {
    /** How long after its last follower left a namespace's events are still kept for a reconnect. */
    public static final long RESUME_WINDOW_NANOS = 5L * 60 * 1_000_000_000;

    private final int retained;
    private final Map<String, Long> lastLeft = new HashMap<>();
    private final Map<String, Deque<Event>> recent = new HashMap<>();
    private final Map<String, List<FluxSink<Event>>> followers = new HashMap<>();
    private long sequence;
    private boolean closed;

    public InProcessLiveFeed(int retained) {
        this.retained = retained;
    }

    @Override
    public synchronized boolean following(String namespace) {
        List<FluxSink<Event>> sinks = followers.get(namespace);
        if (sinks != null && !sinks.isEmpty()) {
            return true;
        }
        Long left = lastLeft.get(namespace);
        return left != null && System.nanoTime() - left < RESUME_WINDOW_NANOS;
    }

    @Override
    public synchronized void publish(String namespace, List<Trajectory> recorded) {
        Deque<Event> held = recent.computeIfAbsent(namespace, n -> new ArrayDeque<>());
        List<FluxSink<Event>> sinks = followers.getOrDefault(namespace, List.of());
        for (Trajectory t : recorded) {
            Event event = new Event(Long.toString(++sequence), namespace, t);
            held.addLast(event);
            if (held.size() > retained) {
                held.removeFirst();
            }
            for (FluxSink<Event> sink : sinks) {
                sink.next(event);
            }
        }
    }

    @Override
    public Flux<Event> tail(String namespace, String afterEventId) {
        long after = parse(afterEventId);
        return Flux.create(sink -> {
            synchronized (this) {
                if (closed) {
                    sink.complete();
                    return;
                }
                // replayed and registered under one lock: nothing published in between is missed or sent twice
                for (Event e : recent.getOrDefault(namespace, new ArrayDeque<>())) {
                    if (after >= 0 && Long.parseLong(e.id()) > after) {
                        sink.next(e);
                    }
                }
                followers.computeIfAbsent(namespace, n -> new ArrayList<>()).add(sink);
            }
            sink.onDispose(() -> {
                synchronized (this) {
                    List<FluxSink<Event>> sinks = followers.get(namespace);
                    if (sinks != null) {
                        sinks.remove(sink);
                    }
                    lastLeft.put(namespace, System.nanoTime());
                }
            });
        }, FluxSink.OverflowStrategy.BUFFER);
    }

    private static long parse(String afterEventId) {
        if (afterEventId == null || afterEventId.isBlank()) {
            return -1;
        }
        try {
            long after = Long.parseLong(afterEventId.trim());
            if (after < 0) {
                throw new NumberFormatException();
            }
            return after;
        } catch (NumberFormatException e) {
            throw DomainException.invalidArgument("Last-Event-ID", "must be an event id this server sent, got '" + afterEventId + "'");
        }
    }

    @Override
    public void close() {
        List<FluxSink<Event>> all = new ArrayList<>();
        synchronized (this) {
            closed = true;
            followers.values().forEach(all::addAll);
            followers.clear();
        }
        all.forEach(FluxSink::complete);
    }
}
