package dev.engram.app.http.feed;

import dev.engram.domain.trajectory.Trajectory;
import java.util.List;
import reactor.core.publisher.Flux;

/**
 * Trajectories of a namespace as they are recorded, for {@code /v1/stream}. Event ids are opaque, increasing text
 * that a client sends back as {@code Last-Event-ID} to resume. Two kinds: {@link InProcessLiveFeed} (what this
 * process recorded, the default) and one over {@code ExperienceLog.tail} when a buffer is configured, whose event ids
 * are the log's entry ids and whose {@link #publish} does nothing (recording appends to the log already).
 */
public interface LiveFeed extends AutoCloseable {
    /** One recorded trajectory and its event id. */
    record Event(String id, String namespace, Trajectory trajectory) {
    }

    /** Whether anyone follows the namespace (so the front end fetches recorded trajectories only when someone is). */
    boolean following(String namespace);

    /** Tells the feed what was newly stored in the namespace. */
    void publish(String namespace, List<Trajectory> recorded);

    /** Events of the namespace after the given event id (null: from now on), then as they are recorded. */
    Flux<Event> tail(String namespace, String afterEventId);

    /** Completes every tail (the server is stopping). */
    @Override
    void close();
}
