package dev.engram.domain.memory;

import dev.engram.domain.error.DomainException;
import dev.engram.domain.trajectory.MistakeCard;
import java.time.Instant;
import java.util.List;

/**
 * One finished run as the memory learns from it: seed 004's {@code episode_data}, plus the trajectory it came from
 * and when it was recorded.
 *
 * @param trajectoryId the recorded trajectory, kept as evidence behind the rules it yields
 * @param taskId       the task attempted; absent means {@code unknown}, as in the seed
 * @param score        the reward, 0 to 1
 * @param steps        how many steps the run took
 * @param summary      one or two sentences on what happened; absent means empty
 * @param mistakes     what went wrong; absent means none
 * @param successes    what worked; absent means none
 * @param mistakeCards structured accounts of mistakes; absent means none
 * @param recordedAt   when the run was recorded
 */
public record Episode(
        String trajectoryId,
        String taskId,
        double score,
        int steps,
        String summary,
        List<String> mistakes,
        List<String> successes,
        List<MistakeCard> mistakeCards,
        Instant recordedAt) {

    /** The seed's task id for an episode that names none. */
    public static final String UNKNOWN_TASK = "unknown";

    public Episode {
        if (trajectoryId == null || trajectoryId.isBlank()) {
            throw DomainException.invalidArgument("trajectoryId", "must not be blank");
        }
        taskId = taskId == null ? UNKNOWN_TASK : taskId;
        if (taskId.isEmpty()) {
            throw DomainException.invalidArgument("taskId", "must not be empty");
        }
        if (!(score >= 0.0 && score <= 1.0)) {
            throw DomainException.invalidArgument("score", "must be between 0 and 1, got " + score);
        }
        if (steps < 0) {
            throw DomainException.invalidArgument("steps", "must not be negative, got " + steps);
        }
        summary = summary == null ? "" : summary;
        mistakes = copyWithoutNulls("mistakes", mistakes);
        successes = copyWithoutNulls("successes", successes);
        mistakeCards = copyWithoutNulls("mistakeCards", mistakeCards);
        if (recordedAt == null) {
            throw DomainException.invalidArgument("recordedAt", "must be given");
        }
    }

    private static <T> List<T> copyWithoutNulls(String field, List<T> items) {
        if (items == null) {
            return List.of();
        }
        // a loop, not indexOf(null): immutable lists (List.of, List.copyOf — a Reflection's) throw on a null query
        for (int index = 0; index < items.size(); index++) {
            if (items.get(index) == null) {
                throw DomainException.invalidArgument(field + "[" + index + "]", "must not be null");
            }
        }
        return List.copyOf(items);
    }
}
