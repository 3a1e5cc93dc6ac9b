package dev.engram.application.port.in;

import java.util.List;

/**
 * What an import did: items read, stored, already present, refused (with the first problems in detail), and memory
 * aggregates restored or skipped (an agent that already has a memory keeps it).
 */
public record ImportReport(long read, long stored, long unchanged, long refused, List<RecordReport.ItemResult> problems,
                           long memoriesRestored, List<String> memoriesSkipped) {
    /** At most this many refused items are reported in detail; the rest are counted. */
    public static final int MAX_DETAILED = 1_000;

    public ImportReport {
        problems = List.copyOf(problems);
        memoriesSkipped = List.copyOf(memoriesSkipped);
    }
}
