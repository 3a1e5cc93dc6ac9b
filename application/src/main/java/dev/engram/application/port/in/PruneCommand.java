package dev.engram.application.port.in;

import dev.engram.domain.error.DomainException;
import java.time.Duration;

/** Delete trajectories older than a duration (their index entries go too; memories keep what they learned). */
public record PruneCommand(String namespace, Duration olderThan) {
    public PruneCommand {
        Namespaces.check(namespace);
        if (olderThan == null || olderThan.isNegative() || olderThan.isZero()) {
            throw DomainException.invalidArgument("older_than", "must be a positive duration, got " + olderThan);
        }
    }
}
