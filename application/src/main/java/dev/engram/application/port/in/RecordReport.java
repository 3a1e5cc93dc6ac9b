package dev.engram.application.port.in;

import dev.engram.domain.error.Violation;
import java.util.List;

/** What happened to each item of a recorded batch, in input order. */
public record RecordReport(List<ItemResult> items) {
    public enum Status {
        /** Newly stored. */
        STORED,
        /** Already stored with the same content: nothing to do. */
        UNCHANGED,
        /** Not valid: nothing of it was stored. */
        INVALID,
        /** The id is stored (or earlier in the batch) with other content. */
        CONFLICT,
        /** Valid, but not stored because another item of an all-or-nothing batch was refused. */
        NOT_STORED
    }

    /** One item: its position, its id when it has one, what happened, and every problem found. */
    public record ItemResult(int index, long line, String trajectoryId, Status status, List<Violation> problems) {
        public ItemResult {
            problems = List.copyOf(problems);
        }
    }

    public RecordReport {
        items = List.copyOf(items);
    }

    public long count(Status status) {
        return items.stream().filter(i -> i.status() == status).count();
    }

    /** True when something was refused (invalid or conflicting): the CLI's exit 3, HTTP's 409/422. */
    public boolean refusedAny() {
        return count(Status.INVALID) + count(Status.CONFLICT) > 0;
    }
}
