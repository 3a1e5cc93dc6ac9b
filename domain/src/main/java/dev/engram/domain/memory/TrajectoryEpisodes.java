package dev.engram.domain.memory;

import dev.engram.domain.trajectory.Reflection;
import dev.engram.domain.trajectory.Trajectory;

/** What the memory learns from a recorded trajectory: seed 004's episode fields, read off the trajectory. */
public final class TrajectoryEpisodes {
    private TrajectoryEpisodes() {
    }

    /**
     * The trajectory as an episode: its task, reward as the score, the steps taken, and its reflection's summary,
     * mistakes, successes and mistake cards. Without a reflection summary the task description stands in, so that
     * the episode log still says what the run was about.
     */
    public static Episode from(Trajectory t) {
        Reflection r = t.reflection();
        String summary = r.summary() != null ? r.summary() : t.taskDescription();
        return new Episode(t.trajectoryId(), t.taskId(), t.reward(), t.stepsTaken(), summary, r.mistakes(), r.successes(),
                r.mistakeCards(), t.createdAt());
    }
}
