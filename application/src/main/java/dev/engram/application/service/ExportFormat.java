package dev.engram.application.service;

/**
 * The lines of an {@code export --what all} file: a header, then one line per trajectory with its replay count
 * (its priority is its loss), then one per memory aggregate. {@code import} recognises the header.
 */
final class ExportFormat {
    static final String TYPE = "type";
    static final String HEADER = "engram_export";
    static final String TRAJECTORY = "trajectory";
    static final String MEMORY = "memory";
    static final String FORMAT = "format";
    static final int VERSION = 1;
    static final String NAMESPACE = "namespace";
    static final String REPLAY_COUNT = "replay_count";
    static final String AGENT_ID = "agent_id";

    private ExportFormat() {
    }
}
