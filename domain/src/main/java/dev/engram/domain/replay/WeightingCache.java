package dev.engram.domain.replay;

import java.util.Iterator;
import java.util.LinkedHashSet;

/**
 * Which weightings keep their trees: the {@code size} most recently used. Requests may change α or the half-life at
 * will; each new one costs one O(n) build per list it is used on, and the least recently used weighting's trees are
 * dropped so memory stays bounded (each weighting costs about 9 bytes per item per list it was built for).
 */
final class WeightingCache {

    private final int size;
    private final LinkedHashSet<Weighting> recent = new LinkedHashSet<>();

    WeightingCache(int size) {
        this.size = size;
    }

    /**
     * The tree of a list under a weighting, built on first use. A persistent list's tree is kept (and the least
     * recently used weighting dropped from every list of the table when the cache is full); a temporary list's dies
     * with the list.
     */
    SumTree tree(ItemTable table, KeyList list, Weighting weighting) {
        if (list.persistent()) {
            touch(table, weighting);
        }
        return list.trees.computeIfAbsent(weighting, w -> WeightedTree.build(w, table, list)).tree();
    }

    private void touch(ItemTable table, Weighting weighting) {
        recent.remove(weighting);
        recent.add(weighting);
        if (recent.size() > size) {
            Iterator<Weighting> eldest = recent.iterator();
            Weighting dropped = eldest.next();
            eldest.remove();
            table.all().trees.remove(dropped);
            for (Dimension dimension : Dimension.ALL) {
                for (KeyList list : table.lists(dimension)) {
                    list.trees.remove(dropped);
                }
            }
        }
    }
}
