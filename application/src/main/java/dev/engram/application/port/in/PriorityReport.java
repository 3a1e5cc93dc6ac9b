package dev.engram.application.port.in;

import java.util.List;

/** How many priorities were updated, and the ids that are not (or no longer) stored, which were skipped. */
public record PriorityReport(int updated, List<String> unknown) {
    public PriorityReport {
        unknown = List.copyOf(unknown);
    }
}
