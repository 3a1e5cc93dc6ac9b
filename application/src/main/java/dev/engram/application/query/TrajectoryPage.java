package dev.engram.application.query;

import dev.engram.domain.trajectory.Trajectory;
import java.util.List;

/** One page of a query; {@code nextCursor} is null on the last page. */
public record TrajectoryPage(List<Trajectory> items, String nextCursor) {
    public TrajectoryPage {
        items = List.copyOf(items);
    }
}
