package dev.engram.application.port.out;

import dev.engram.domain.trajectory.Trajectory;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An append-only live log of recorded trajectories: consumer groups for the write-behind worker, tailing for a
 * live feed. Optional: without a buffer configured, recording goes straight to the {@link TrajectoryStore} and the
 * live feed is served in-process.
 */
public interface ExperienceLog {

    /** An entry of the log: its log-assigned id, the namespace, and the trajectory. */
    record Entry(String entryId, String namespace, Trajectory trajectory) {
    }

    /** Appends the trajectories; emits their entry ids once the log holds them durably (as configured). */
    Mono<List<String>> append(String namespace, List<Trajectory> trajectories);

    /** Reads up to {@code count} entries for the consumer of the group, waiting at most {@code block}. */
    Flux<Entry> read(String group, String consumer, int count, Duration block);

    /** Acknowledges entries once they are stored. */
    Mono<Long> acknowledge(String group, List<String> entryIds);

    /** Entries of the namespace appended after the entry id (null: from now on), as they arrive. */
    Flux<Entry> tail(String namespace, String afterEntryId);
}
