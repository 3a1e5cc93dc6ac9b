package dev.engram.adapters.sqlite;

import dev.engram.application.query.TrajectoryFilter;
import dev.engram.application.query.TrajectoryQuery.Order;
import dev.engram.domain.error.DomainException;
import dev.engram.domain.trajectory.Trajectory;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The four total orders as SQL, and keyset cursors for them: a cursor holds the sort keys of the last item of a page
 * (and its order), and the next page starts strictly after them, so paging neither skips nor repeats an item that
 * existed when it began, whatever is added or removed meanwhile.
 */
final class PageOrder {
    private static final String NEWEST = "t.created_s DESC, t.created_n DESC, t.trajectory_id DESC";

    private PageOrder() {
    }

    /** Where the previous page ended. */
    record Position(double reward, long createdSeconds, int createdNanos, String trajectoryId) {
        static Position of(Trajectory last) {
            return new Position(TrajectoryColumns.reward(last), last.createdAt().getEpochSecond(), last.createdAt().getNano(), last.trajectoryId());
        }
    }

    /**
     * The index to read a page with, where SQLite's planner, which has no statistics, picks a poor one: for the best
     * or worst of one task and outcome it would sort every trajectory of the task instead of walking
     * {@code ix_trajectories_top}; empty where the planner's choice is right.
     */
    static String indexHint(TrajectoryFilter filter, Order order) {
        boolean byReward = order == Order.REWARD_DESC || order == Order.REWARD_ASC;
        return byReward && filter.taskId() != null && filter.outcome() != null ? " INDEXED BY ix_trajectories_top" : "";
    }

    static String orderBy(Order order) {
        switch (order) {
            case NEWEST_FIRST:
                return " ORDER BY " + NEWEST;
            case OLDEST_FIRST:
                return " ORDER BY t.created_s, t.created_n, t.trajectory_id";
            case REWARD_DESC:
                return " ORDER BY t.reward DESC, " + NEWEST;
            case REWARD_ASC:
                return " ORDER BY t.reward, " + NEWEST;
            default:
                throw new IllegalArgumentException("unknown order " + order);
        }
    }

    /** The condition "after the position" in the order, as an AND clause. */
    static SqlFragment after(Order order, Position p) {
        switch (order) {
            case NEWEST_FIRST:
                return SqlFragment.of(" AND (t.created_s, t.created_n, t.trajectory_id) < (?, ?, ?)", p.createdSeconds(), p.createdNanos(), p.trajectoryId());
            case OLDEST_FIRST:
                return SqlFragment.of(" AND (t.created_s, t.created_n, t.trajectory_id) > (?, ?, ?)", p.createdSeconds(), p.createdNanos(), p.trajectoryId());
            case REWARD_DESC:
                return SqlFragment.of(" AND (t.reward, t.created_s, t.created_n, t.trajectory_id) < (?, ?, ?, ?)",
                        p.reward(), p.createdSeconds(), p.createdNanos(), p.trajectoryId());
            case REWARD_ASC:
                // reward ascending but time descending: a row value cannot say that in one comparison
                return SqlFragment.of(" AND (t.reward > ? OR (t.reward = ? AND (t.created_s, t.created_n, t.trajectory_id) < (?, ?, ?)))",
                        p.reward(), p.reward(), p.createdSeconds(), p.createdNanos(), p.trajectoryId());
            default:
                throw new IllegalArgumentException("unknown order " + order);
        }
    }

    static String encode(Order order, Position p) {
        String raw = String.join("|", "v1", order.name(), Long.toHexString(Double.doubleToLongBits(p.reward())),
                Long.toString(p.createdSeconds()), Integer.toString(p.createdNanos()), p.trajectoryId());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Position decode(Order order, String cursor) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 6);
        } catch (IllegalArgumentException e) {
            throw notACursor();
        }
        if (parts.length != 6 || !parts[0].equals("v1")) {
            throw notACursor();
        }
        if (!parts[1].equals(order.name())) {
            throw DomainException.invalidArgument("cursor", "was made for another order (" + parts[1] + "), not " + order);
        }
        try {
            return new Position(Double.longBitsToDouble(Long.parseUnsignedLong(parts[2], 16)), Long.parseLong(parts[3]),
                    Integer.parseInt(parts[4]), parts[5]);
        } catch (NumberFormatException e) {
            throw notACursor();
        }
    }

    private static DomainException notACursor() {
        return DomainException.invalidArgument("cursor", "is not a cursor this store made");
    }
}
