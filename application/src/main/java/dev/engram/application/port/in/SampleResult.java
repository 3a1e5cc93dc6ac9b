package dev.engram.application.port.in;

import dev.engram.domain.trajectory.Trajectory;
import java.util.List;

/**
 * A replay batch: the strategy, the seed that reproduces it, how many were asked for, and each drawn trajectory
 * with the probability it had at its draw and its normalised importance-sampling weight.
 */
public record SampleResult(String strategy, long seed, int requested, List<Item> items) {
    public record Item(Trajectory trajectory, double probability, double weight) {
    }

    public SampleResult {
        items = List.copyOf(items);
    }
}
