package dev.engram.domain.memory;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the recent-episode log (the seed's {@code episode_log} entry).
 *
 * @param episode      the agent's episode number, counting from 1
 * @param trajectoryId the trajectory it came from
 * @param taskId       the task attempted
 * @param score        the reward, 0 to 1
 * @param steps        how many steps the run took
 * @param summary      what happened, possibly empty
 * @param recordedAt   when it was recorded
 */
public record EpisodeLogEntry(
        long episode, String trajectoryId, String taskId, double score, int steps, String summary, Instant recordedAt) {
    public EpisodeLogEntry {
        Objects.requireNonNull(trajectoryId, "trajectoryId");
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
