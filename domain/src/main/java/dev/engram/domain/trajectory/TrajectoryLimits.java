package dev.engram.domain.trajectory;

import dev.engram.domain.error.DomainException;

/**
 * Size limits on one trajectory (INTERFACES.md defaults): its encoded size, its steps, the nesting depth of the
 * whole item (the trajectory object itself is depth 1), and the length of any one string, in characters.
 */
public record TrajectoryLimits(int maxBytes, int maxSteps, int maxDepth, int maxStringLength) {
    public static final TrajectoryLimits DEFAULT = new TrajectoryLimits(1 << 20, 10_000, 64, 64 * 1024);

    /** Lists inside a reflection (mistakes, successes, cards) are bounded too, so that memory stays bounded. */
    public static final int MAX_REFLECTION_ITEMS = 1_000;

    public TrajectoryLimits {
        positive("limits.max_bytes", maxBytes);
        positive("limits.max_steps", maxSteps);
        if (maxDepth < 4) {
            // a trajectory with a step with arguments is already 4 deep
            throw DomainException.invalidArgument("limits.max_depth", "must be at least 4, got " + maxDepth);
        }
        positive("limits.max_string_length", maxStringLength);
    }

    private static void positive(String field, int value) {
        if (value <= 0) {
            throw DomainException.invalidArgument(field, "must be positive, got " + value);
        }
    }
}
