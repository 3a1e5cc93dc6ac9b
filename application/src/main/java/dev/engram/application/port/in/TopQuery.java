package dev.engram.application.port.in;

import dev.engram.domain.error.DomainException;
import java.util.Objects;

/** The best successes (highest reward first) or the worst failures (lowest reward first) of a task. */
public record TopQuery(String namespace, String taskId, Kind kind, int n) {
    public static final int MAX_N = 1_000;

    public enum Kind {
        SUCCESSES,
        FAILURES
    }

    public TopQuery {
        Namespaces.check(namespace);
        if (taskId == null || taskId.isBlank()) {
            throw DomainException.invalidArgument("task", "is required");
        }
        Objects.requireNonNull(kind, "kind");
        if (n < 1 || n > MAX_N) {
            throw DomainException.invalidArgument("n", "must be between 1 and " + MAX_N + ", got " + n);
        }
    }
}
