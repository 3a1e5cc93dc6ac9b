package dev.engram.application.port.in;

import dev.engram.domain.memory.MemorySummary;
import java.util.List;

/** The memory a seed file became: its summary, and what the memory policy's caps cut (one line each). */
public record SeedMemoryReport(String agentId, MemorySummary summary, List<String> trimmed) {
    public SeedMemoryReport {
        trimmed = List.copyOf(trimmed);
    }
}
