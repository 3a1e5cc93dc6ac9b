package dev.engram.domain.replay;

import dev.engram.domain.error.DomainException;

/**
 * One item as the index holds it: the item, the priority it is weighted by, and how often it has been drawn.
 * Entries are what {@link ReplayIndex#entries()} yields and what {@link ReplayIndex#restore} takes back.
 *
 * @param item        the item
 * @param priority    its priority p = loss + ε, or the maximum it entered at while its loss was unknown; finite, &gt; 0
 * @param replayCount how many sampling draws returned it, at least 0
 */
public record ReplayEntry(ReplayItem item, double priority, long replayCount) {

    public ReplayEntry {
        if (item == null) {
            throw DomainException.invalidArgument("item", "is required");
        }
        if (!Double.isFinite(priority) || priority <= 0) {
            throw DomainException.invalidArgument("priority", "must be a finite number above 0, got " + priority);
        }
        if (replayCount < 0) {
            throw DomainException.invalidArgument("replay_count", "must be at least 0, got " + replayCount);
        }
    }

    public String id() {
        return item.id();
    }
}
