package dev.engram.domain.memory;

import dev.engram.domain.error.DomainException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The scores of one task: how many, their running sum, and the most recent few. The seed keeps every score and sums
 * them per call; a running sum gives the same mean to the last bit, because Python 3.11's {@code sum()} of floats
 * is a plain left-to-right addition.
 *
 * @param count        episodes scored
 * @param sum          the left-to-right sum of their scores
 * @param recentScores the last few scores, oldest first
 */
public record TaskScores(long count, double sum, List<Double> recentScores) {
    public static final TaskScores NONE = new TaskScores(0, 0.0, List.of());

    public TaskScores {
        if (count < 0) {
            throw DomainException.invalidArgument("count", "must not be negative, got " + count);
        }
        recentScores = List.copyOf(Objects.requireNonNull(recentScores, "recentScores"));
    }

    public double mean() {
        return count == 0 ? 0.0 : sum / count;
    }

    /** These scores and one more, keeping at most {@code window} recent ones. */
    TaskScores plus(double score, int window) {
        List<Double> recent = new ArrayList<>(recentScores);
        recent.add(score);
        return new TaskScores(count + 1, sum + score, recent).keepingLast(window);
    }

    /** The same count and sum with at most {@code window} recent scores. */
    TaskScores keepingLast(int window) {
        int excess = recentScores.size() - window;
        return excess > 0 ? new TaskScores(count, sum, recentScores.subList(excess, recentScores.size())) : this;
    }
}
