package dev.engram.testkit;

import dev.engram.application.query.TrajectoryQuery.Order;
import dev.engram.domain.trajectory.Trajectory;
import java.util.Comparator;

/** The total orders of {@link Order}, as the contract suite and the in-memory fake understand them. */
public final class TrajectoryOrdering {
    private static final Comparator<Trajectory> NEWEST = Comparator.comparing(Trajectory::createdAt)
            .thenComparing(Trajectory::trajectoryId).reversed();

    private TrajectoryOrdering() {
    }

    public static Comparator<Trajectory> of(Order order) {
        switch (order) {
            case NEWEST_FIRST:
                return NEWEST;
            case OLDEST_FIRST:
                return Comparator.comparing(Trajectory::createdAt).thenComparing(Trajectory::trajectoryId);
            case REWARD_DESC:
                return Comparator.comparingDouble(Trajectory::reward).reversed().thenComparing(NEWEST);
            case REWARD_ASC:
                return Comparator.comparingDouble(Trajectory::reward).thenComparing(NEWEST);
            default:
                throw new IllegalArgumentException("unknown order " + order);
        }
    }
}
