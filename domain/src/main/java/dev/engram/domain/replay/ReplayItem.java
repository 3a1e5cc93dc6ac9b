package dev.engram.domain.replay;

import dev.engram.domain.error.DomainException;
import dev.engram.domain.trajectory.Outcome;
import java.time.Instant;

/**
 * What the replay index knows of one trajectory: enough to filter, order and weight it, nothing of its content.
 *
 * @param id        the trajectory id, unique in the index
 * @param createdAt when the trajectory was recorded; with {@code id} it fixes the item's place in the leaf order
 * @param agentId   the agent that ran it
 * @param taskId    the task it ran
 * @param domain    its domain (balanced sampling draws an equal share per domain)
 * @param outcome   how it ended
 * @param loss      the learner's last loss on it, finite and at least 0; {@code null} while unknown, in which case
 *                  the item enters the index at the current maximum priority, as prioritized experience replay does
 */
public record ReplayItem(String id, Instant createdAt, String agentId, String taskId, String domain, Outcome outcome,
                         Double loss) {

    public ReplayItem {
        requireText("id", id);
        if (createdAt == null) {
            throw DomainException.invalidArgument("created_at", "is required");
        }
        requireText("agent_id", agentId);
        requireText("task_id", taskId);
        requireText("domain", domain);
        if (outcome == null) {
            throw DomainException.invalidArgument("outcome", "is required");
        }
        if (loss != null) {
            requireLoss("loss", loss);
        }
    }

    /** The same item with another loss (a priority update). */
    public ReplayItem withLoss(Double newLoss) {
        return new ReplayItem(id, createdAt, agentId, taskId, domain, outcome, newLoss);
    }

    /** Checks a loss value the way the index needs it: finite and not negative. */
    static void requireLoss(String field, Double loss) {
        if (loss == null) {
            throw DomainException.invalidArgument(field, "is required");
        }
        if (!Double.isFinite(loss) || loss < 0) {
            throw DomainException.invalidArgument(field, "must be a finite number of at least 0, got " + loss);
        }
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalidArgument(field, "is required and must not be blank");
        }
    }
}
