package dev.engram.application.port.in;

/** What {@code memory forget} removed: trajectories, the memory aggregate, and replay index entries. */
public record ForgetReport(String agentId, long trajectories, boolean memory, long indexEntries) {
}
