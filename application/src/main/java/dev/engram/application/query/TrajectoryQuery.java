package dev.engram.application.query;

import java.util.Objects;

/**
 * A page of trajectories: a filter, an order, a page size and the cursor a previous page returned (null for the
 * first page). Cursors are opaque strings made by the store; they stay valid while items are added or removed and
 * never skip or repeat an item that existed when paging began.
 */
public record TrajectoryQuery(TrajectoryFilter filter, Order order, int limit, String cursor) {
    public static final int MAX_LIMIT = 1_000; // pages of up to 1 MiB trajectories: a bounded answer

    /** The orders stores support; every order breaks ties by trajectory id so that it is total. */
    public enum Order {
        NEWEST_FIRST,
        OLDEST_FIRST,
        /** Highest reward first; among equals, newest first. */
        REWARD_DESC,
        /** Lowest reward first; among equals, newest first. */
        REWARD_ASC
    }

    public TrajectoryQuery {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(order, "order");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
    }
}
