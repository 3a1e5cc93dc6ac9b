package dev.engram.app.http.feed;

import dev.engram.application.port.out.ExperienceLog;
import dev.engram.domain.trajectory.Trajectory;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The live feed over the write buffer's log: what every process recorded into the namespace, not only this one;
 * event ids are the log's entry ids, so {@code Last-Event-ID} resumes from the log itself. The log may repeat entries
 * appended just before the one resumed from; each tail drops the ids it has already sent.
 */
public final class LogLiveFeed implements LiveFeed {
    private static final int REMEMBERED = 10_000;

    private final ExperienceLog log;
    private final Sinks.Empty<Void> closed = Sinks.empty();

    public LogLiveFeed(ExperienceLog log) {
        this.log = log;
    }

    @Override
    public boolean following(String namespace) {
        return false; // recording appends to the log already: nothing to publish
    }

    @Override
    public void publish(String namespace, List<Trajectory> recorded) {
        // the log holds them
    }

    @Override
    public Flux<Event> tail(String namespace, String afterEventId) {
        return Flux.defer(() -> {
            Set<String> sent = new LinkedHashSet<>();
            return log.tail(namespace, afterEventId == null || afterEventId.isBlank() ? null : afterEventId.trim())
                    .filter(entry -> {
                        if (!sent.add(entry.entryId())) {
                            return false;
                        }
                        if (sent.size() > REMEMBERED) {
                            sent.remove(sent.iterator().next());
                        }
                        return true;
                    })
                    .map(entry -> new Event(entry.entryId(), entry.namespace(), entry.trajectory()));
        }).takeUntilOther(closed.asMono());
    }

    @Override
    public void close() {
        closed.tryEmitEmpty();
    }
}
