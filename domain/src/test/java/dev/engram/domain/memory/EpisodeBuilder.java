package dev.engram.domain.memory;

import dev.engram.domain.trajectory.MistakeCard;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Episodes for tests: a task and a score, then only what a test cares about. */
final class EpisodeBuilder {
    private static final Instant START = Instant.parse("2026-11-20T10:00:00Z");
    private static int sequence;

    private final String taskId;
    private final double score;
    private String trajectoryId = "traj-" + (++sequence);
    private String summary = "";
    private int steps = 5;
    private final List<String> mistakes = new ArrayList<>();
    private final List<String> successes = new ArrayList<>();
    private final List<MistakeCard> cards = new ArrayList<>();

    private EpisodeBuilder(String taskId, double score) {
        this.taskId = taskId;
        this.score = score;
    }

    static EpisodeBuilder episode(String taskId, double score) {
        return new EpisodeBuilder(taskId, score);
    }

    EpisodeBuilder trajectory(String id) {
        trajectoryId = id;
        return this;
    }

    EpisodeBuilder summary(String text) {
        summary = text;
        return this;
    }

    EpisodeBuilder steps(int count) {
        steps = count;
        return this;
    }

    EpisodeBuilder mistakes(String... texts) {
        mistakes.addAll(List.of(texts));
        return this;
    }

    EpisodeBuilder successes(String... texts) {
        successes.addAll(List.of(texts));
        return this;
    }

    /** A card of the episode's own task. */
    EpisodeBuilder card(String type, String lesson) {
        return card(null, type, lesson);
    }

    EpisodeBuilder card(String cardTaskId, String type, String lesson) {
        cards.add(new MistakeCard(type, cardTaskId, null, null, null, "evidence of " + type, lesson));
        return this;
    }

    Episode build() {
        return new Episode(trajectoryId, taskId, score, steps, summary, mistakes, successes, cards,
                START.plusSeconds(sequence));
    }
}
