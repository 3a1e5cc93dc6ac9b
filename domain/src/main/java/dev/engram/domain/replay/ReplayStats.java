package dev.engram.domain.replay;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A summary of the index.
 *
 * @param size               how many items it holds
 * @param totalReplays       the sum of the replay counts of the items it holds
 * @param meanLoss           the mean loss over the items whose loss is known; {@code null} when none is
 * @param domainDistribution domain → number of items, sorted by domain
 */
public record ReplayStats(int size, long totalReplays, Double meanLoss, SortedMap<String, Long> domainDistribution) {

    public ReplayStats {
        domainDistribution = Collections.unmodifiableSortedMap(new TreeMap<>(domainDistribution));
    }
}
