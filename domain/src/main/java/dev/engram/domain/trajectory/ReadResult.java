package dev.engram.domain.trajectory;

import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import dev.engram.domain.error.Violation;
import java.util.List;

/** A trajectory read from a client, or every problem that stopped it; never both. */
public record ReadResult(Trajectory trajectory, List<Violation> violations) {
    public ReadResult {
        violations = List.copyOf(violations);
        if ((trajectory == null) == violations.isEmpty()) {
            throw new IllegalArgumentException("a read result holds a trajectory or violations, not both or neither");
        }
    }

    public boolean ok() {
        return trajectory != null;
    }

    /** The trajectory, or a {@code invalid_trajectory} failure listing every violation. */
    public Trajectory orThrow() {
        if (trajectory != null) {
            return trajectory;
        }
        String message = violations.size() == 1
                ? "invalid trajectory: " + violations.get(0)
                : violations.size() + " problems in the trajectory";
        throw new DomainException(ErrorCode.INVALID_TRAJECTORY, message, violations);
    }
}
