package dev.engram.domain.trajectory;

import dev.engram.domain.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One recorded run of an agent: what it was asked, each tool call with its reasoning, how it ended and the reward.
 * Immutable; built by {@link TrajectoryReader} from what a client sent (redacted and validated), or by
 * {@link #builder()} in code. Field names on the wire are those of INTERFACES.md.
 *
 * @param trajectoryId    identity within a namespace
 * @param agentId         the agent that ran
 * @param taskId          the task it attempted (derived from the description when the client gave none)
 * @param taskDescription free text; may be absent
 * @param domain          the problem domain, {@code default} when not given
 * @param initialState    any JSON object; may be absent
 * @param steps           the tool calls, in order
 * @param stepCount       the number of steps the agent reported without listing them (seed-style episodes); absent
 *                        otherwise, see {@link #stepsTaken()}
 * @param finalOutcome    success, failure or partial
 * @param reward          in [0, 1]
 * @param loss            the training loss that sets the replay priority; absent until known
 * @param metadata        any JSON object; may be absent
 * @param createdAt       when the run was recorded (or when the client says it ran)
 * @param durationSeconds how long it took; may be absent
 * @param reflection      the agent's own account of its mistakes and successes; never null, maybe empty
 */
public record Trajectory(
        String trajectoryId,
        String agentId,
        String taskId,
        String taskDescription,
        String domain,
        JsonObject initialState,
        List<ActionStep> steps,
        Integer stepCount,
        Outcome finalOutcome,
        double reward,
        Double loss,
        JsonObject metadata,
        Instant createdAt,
        Double durationSeconds,
        Reflection reflection) {

    public static final String DEFAULT_DOMAIN = "default";

    public Trajectory {
        Objects.requireNonNull(trajectoryId, "trajectoryId");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(taskId, "taskId");
        domain = domain == null ? DEFAULT_DOMAIN : domain;
        steps = steps == null ? List.of() : List.copyOf(steps);
        Objects.requireNonNull(finalOutcome, "finalOutcome");
        Objects.requireNonNull(createdAt, "createdAt");
        reflection = reflection == null ? Reflection.EMPTY : reflection;
        reward += 0.0; // -0.0 becomes 0.0: stores that compare numbers would otherwise order the two apart
        if (!(reward >= 0.0 && reward <= 1.0)) {
            throw new IllegalArgumentException("reward must be between 0 and 1, got " + reward);
        }
        if (loss != null && !(loss >= 0.0 && Double.isFinite(loss))) {
            throw new IllegalArgumentException("loss must be finite and >= 0, got " + loss);
        }
    }

    /** The number of steps the agent took: the reported count for seed-style episodes, else the listed steps. */
    public int stepsTaken() {
        return stepCount != null ? stepCount : steps.size();
    }

    /** This trajectory with another loss (a priority update; loss is not part of the content). */
    public Trajectory withLoss(Double newLoss) {
        return new Trajectory(trajectoryId, agentId, taskId, taskDescription, domain, initialState, steps, stepCount,
                finalOutcome, reward, newLoss, metadata, createdAt, durationSeconds, reflection);
    }

    /**
     * A digest of the content the client sent, for the idempotency check: equal for a faithful resend, different
     * when anything a client controls changed. The id (the key), {@code created_at} (filled by the server when
     * absent, and rewritten by export/import) and {@code loss} (a priority) are not part of it.
     */
    public String contentHash() {
        return ContentDigest.of(TrajectoryWriter.contentOf(this));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder for code that assembles trajectories itself (tests, the demo); input from clients goes through the reader. */
    public static final class Builder {
        private String trajectoryId;
        private String agentId;
        private String taskId;
        private String taskDescription;
        private String domain = DEFAULT_DOMAIN;
        private JsonObject initialState;
        private List<ActionStep> steps = List.of();
        private Integer stepCount;
        private Outcome finalOutcome;
        private double reward;
        private Double loss;
        private JsonObject metadata;
        private Instant createdAt;
        private Double durationSeconds;
        private Reflection reflection = Reflection.EMPTY;

        private Builder() {
        }

        public Builder trajectoryId(String value) {
            trajectoryId = value;
            return this;
        }

        public Builder agentId(String value) {
            agentId = value;
            return this;
        }

        public Builder taskId(String value) {
            taskId = value;
            return this;
        }

        public Builder taskDescription(String value) {
            taskDescription = value;
            return this;
        }

        public Builder domain(String value) {
            domain = value;
            return this;
        }

        public Builder initialState(JsonObject value) {
            initialState = value;
            return this;
        }

        public Builder steps(List<ActionStep> value) {
            steps = value;
            return this;
        }

        public Builder stepCount(Integer value) {
            stepCount = value;
            return this;
        }

        public Builder finalOutcome(Outcome value) {
            finalOutcome = value;
            return this;
        }

        public Builder reward(double value) {
            reward = value;
            return this;
        }

        public Builder loss(Double value) {
            loss = value;
            return this;
        }

        public Builder metadata(JsonObject value) {
            metadata = value;
            return this;
        }

        public Builder createdAt(Instant value) {
            createdAt = value;
            return this;
        }

        public Builder durationSeconds(Double value) {
            durationSeconds = value;
            return this;
        }

        public Builder reflection(Reflection value) {
            reflection = value;
            return this;
        }

        public Trajectory build() {
            return new Trajectory(trajectoryId, agentId, taskId, taskDescription, domain, initialState, steps, stepCount,
                    finalOutcome, reward, loss, metadata, createdAt, durationSeconds, reflection);
        }
    }
}
