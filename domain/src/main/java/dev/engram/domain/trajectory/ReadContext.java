package dev.engram.domain.trajectory;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the reader fills in that the client did not send.
 *
 * @param now            {@code created_at} when absent
 * @param idGenerator    a new {@code trajectory_id} when absent (seed-style episodes get a content hash instead)
 * @param defaultAgentId the agent when the item names none ({@code --agent}); may be null, then agent_id is required
 */
public record ReadContext(Instant now, Supplier<String> idGenerator, String defaultAgentId) {
    public ReadContext {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(idGenerator, "idGenerator");
    }
}
