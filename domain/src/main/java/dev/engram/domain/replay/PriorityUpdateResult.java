package dev.engram.domain.replay;

import java.util.List;

/**
 * What a batch of priority updates did. Ids that left the index since they were sampled (evicted, removed) or that it
 * never held are skipped: a learner's update racing an eviction is normal, not an error.
 *
 * @param updated how many items got their new loss
 * @param skipped the ids not in the index, sorted
 */
public record PriorityUpdateResult(int updated, List<String> skipped) {

    public PriorityUpdateResult {
        skipped = List.copyOf(skipped);
    }
}
