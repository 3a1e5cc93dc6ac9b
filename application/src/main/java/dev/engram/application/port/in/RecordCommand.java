package dev.engram.application.port.in;

import dev.engram.domain.error.DomainException;
import java.util.List;
import java.util.Objects;

/**
 * Record a batch of trajectories (one item is a batch of one). All-or-nothing unless {@code partial}: one invalid
 * item or one conflict stores nothing. {@code defaultAgentId} fills items that name no agent ({@code --agent}).
 */
public record RecordCommand(String namespace, List<InputItem> items, boolean partial, String defaultAgentId) {
    public static final int MAX_ITEMS = 100_000;

    public RecordCommand {
        Namespaces.check(namespace);
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        if (items.size() > MAX_ITEMS) {
            throw DomainException.invalidArgument("items", "a batch holds at most " + MAX_ITEMS + " items, got " + items.size()
                    + "; use import for larger inputs");
        }
    }
}
