package dev.engram.application.port.in;

import dev.engram.domain.memory.MemorySummary;
import dev.engram.domain.replay.ReplayStats;
import dev.engram.domain.stats.TrajectoryStatistics;

/**
 * Everything {@code stats} shows: trajectory statistics, the replay index (its size, mean loss and domain mix, with
 * the replay total from the store), the write buffer when one is configured, and the agent's memory summary when an
 * agent was asked for.
 */
public record StatisticsReport(TrajectoryStatistics trajectories, ReplayStats replay, BufferStatus buffer, MemorySummary memory) {
    /** The write buffer's backlog: entries not yet in the long-term store, and entries read but not acknowledged. */
    public record BufferStatus(long lag, long pending) {
    }
}
