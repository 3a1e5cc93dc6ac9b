package dev.engram.application.port.in;

import dev.engram.application.query.TrajectoryFilter;
import dev.engram.application.query.TrajectoryQuery;
import dev.engram.domain.error.DomainException;
import java.util.Objects;

/** A page of trajectories, newest first. */
public record ListTrajectoriesQuery(String namespace, TrajectoryFilter filter, int limit, String cursor) {
    public static final int DEFAULT_LIMIT = 20;

    public ListTrajectoriesQuery {
        Namespaces.check(namespace);
        Objects.requireNonNull(filter, "filter");
        if (limit < 1 || limit > TrajectoryQuery.MAX_LIMIT) {
            throw DomainException.invalidArgument("limit", "must be between 1 and " + TrajectoryQuery.MAX_LIMIT + ", got " + limit);
        }
    }
}
