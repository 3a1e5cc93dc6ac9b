package dev.engram.domain.replay;

import java.util.random.RandomGenerator;

/**
 * Random draws over one list: proportional to a weighting (uniform, prioritized, recency) or a mixture of a
 * weighting and uniform. Each draw consumes the generator in a fixed pattern — one {@code nextDouble()} per draw, two
 * for a mixed draw (the component, then the place) — so a seed fixes the batch.
 *
 * <p>With replacement every draw is independent: P(i) = w_i / W, and a proportional batch is found in one
 * level-by-level walk of the sum tree. Without replacement a drawn item's weight is set to 0 until the batch is done,
 * so the next draw ranges over the rest; its reported probability is its chance at that draw (w_i / W_remaining), while
 * its importance-sampling weight uses, as standard PER does, its probability over the full eligible set.
 *
 * <p>IS weights: w_i = (N·P(i))^-β / max_j (N·P(j))^-β = (P_min / P(i))^β, with P_min from the tree's least weight.
 */
final class WeightedDraws {

    private final ItemTable table;
    private final WeightingCache cache;

    WeightedDraws(ItemTable table, WeightingCache cache) {
        this.table = table;
        this.cache = cache;
    }

    void proportional(KeyList list, Weighting weighting, int n, boolean replacement, double beta,
                      RandomGenerator random, Draws out) {
        int eligible = list.live();
        if (eligible == 0) {
            return;
        }
        if (replacement && !list.hasHoles() && weighting.equals(PriorityWeighting.UNIFORM)) {
            // without holes the k-th position is the k-th item: the same pick the count tree would make, in O(1)
            for (int i = 0; i < n; i++) {
                out.add(list.slotAt(directPosition(random.nextDouble(), eligible)), 1.0 / eligible, 1.0);
            }
            return;
        }
        SumTree tree = cache.tree(table, list, weighting);
        double least = tree.minPositive();
        if (replacement) {
            double total = tree.total();
            double[] targets = new double[n];
            for (int i = 0; i < n; i++) {
                targets[i] = random.nextDouble() * total;
            }
            int[] positions = new int[n];
            tree.findAll(targets, n, positions);
            for (int i = 0; i < n; i++) {
                double weight = tree.weight(positions[i]);
                out.add(list.slotAt(positions[i]), weight / total, Math.pow(least / weight, beta));
            }
            return;
        }
        Excluded excluded = new Excluded(Math.min(n, eligible), tree, null);
        try {
            for (int i = 0; i < excluded.capacity(); i++) {
                double remaining = tree.total();
                int position = tree.find(random.nextDouble() * remaining);
                double weight = tree.weight(position);
                out.add(list.slotAt(position), weight / remaining, Math.pow(least / weight, beta));
                excluded.exclude(position);
            }
        } finally {
            excluded.restore();
        }
    }

    void mixed(KeyList list, Weighting weighting, double mix, int n, boolean replacement, double beta,
               RandomGenerator random, Draws out) {
        int eligible = list.live();
        if (eligible == 0) {
            return;
        }
        SumTree prioritized = cache.tree(table, list, weighting);
        boolean direct = replacement && !list.hasHoles();
        SumTree uniform = direct ? null : cache.tree(table, list, PriorityWeighting.UNIFORM);
        double fullTotal = prioritized.total();
        double leastProbability = mix * prioritized.minPositive() / fullTotal + (1 - mix) / eligible;
        Excluded excluded = new Excluded(replacement ? 0 : Math.min(n, eligible), prioritized, uniform);
        int draws = replacement ? n : excluded.capacity();
        try {
            for (int i = 0; i < draws; i++) {
                double remainingWeight = prioritized.total();
                int remainingItems = eligible - i * (replacement ? 0 : 1);
                boolean fromPrioritized = random.nextDouble() < mix;
                double u = random.nextDouble();
                int position;
                if (fromPrioritized) {
                    position = prioritized.find(u * remainingWeight);
                } else if (direct) {
                    position = directPosition(u, eligible);
                } else {
                    position = uniform.find(u * uniform.total());
                }
                double weight = prioritized.weight(position);
                double atDraw = mix * weight / remainingWeight + (1 - mix) / remainingItems;
                double overFullSet = mix * weight / fullTotal + (1 - mix) / eligible;
                out.add(list.slotAt(position), atDraw, Math.pow(leastProbability / overFullSet, beta));
                if (!replacement) {
                    excluded.exclude(position);
                }
            }
        } finally {
            excluded.restore();
        }
    }

    private static int directPosition(double u, int count) {
        return Math.min((int) (u * count), count - 1);
    }

    /**
     * Positions taken out of one or two trees for the rest of a batch without replacement, and put back afterwards.
     * Putting a weight back recomputes the same blocks from the same values, so the trees end bit for bit as before.
     */
    private static final class Excluded {
        private final int[] positions;
        private final double[] first;
        private final double[] second;
        private final SumTree one;
        private final SumTree other;
        private int count;

        Excluded(int capacity, SumTree one, SumTree other) {
            this.positions = new int[capacity];
            this.first = new double[capacity];
            this.second = new double[capacity];
            this.one = one;
            this.other = other;
        }

        int capacity() {
            return positions.length;
        }

        void exclude(int position) {
            positions[count] = position;
            first[count] = one.weight(position);
            one.set(position, 0);
            if (other != null) {
                second[count] = other.weight(position);
                other.set(position, 0);
            }
            count++;
        }

        void restore() {
            for (int i = count - 1; i >= 0; i--) {
                one.set(positions[i], first[i]);
                if (other != null) {
                    other.set(positions[i], second[i]);
                }
            }
            count = 0;
        }
    }
}
