package dev.engram.domain.replay;

import dev.engram.domain.error.DomainException;
import java.util.Arrays;

/**
 * A sum tree over non-negative weights: find the position where a target falls in the cumulative sum (a weighted
 * draw), set a weight, read the total and the least positive weight, each in O(log n), for millions of positions.
 *
 * <p>Layout: 16-ary and level by level (see {@link TreeShape}). Each level keeps its entries' raw values and, per block
 * of 16, their running (prefix) sums, so one step of a descent is a branch-free count of the prefixes not above the
 * target within two adjacent cache lines. At 10^6 positions a descent is 5 such steps, of which only the bottom two
 * usually miss the cache. {@link #findAll} walks a whole batch level by level so that the misses of different draws
 * overlap.
 *
 * <p>Exactness: an update recomputes each block on its path from the raw values below it — no accumulated deltas —
 * so after any sequence of updates every node holds exactly what a fresh build of the same weights would hold; the
 * total carries only the rounding of one ordinary summation (relative error below about 80·2^-53 at 10^6 positions),
 * never drift. Weight 0 marks a position that cannot be drawn (free, or excluded during a draw without replacement).
 *
 * <p>Not thread-safe.
 */
public final class SumTree {

    /** The most positions a tree holds. */
    public static final int MAX_POSITIONS = 1 << 30;

    private static final int F = TreeShape.FANOUT;
    private static final int SHIFT = TreeShape.SHIFT;
    private static final int MASK = TreeShape.MASK;

    private int capacity;
    private int size;
    private double[][] raw;
    private double[][] prefix;
    private double[][] least;

    /** An empty tree with room for {@code capacity} positions (it grows past that on demand). */
    public SumTree(int capacity) {
        requirePosition("capacity", capacity, MAX_POSITIONS + 1);
        allocate(Math.max(capacity, F));
    }

    /** A tree holding {@code weights[0..count)}, built in O(count). */
    public static SumTree of(double[] weights, int count) {
        if (weights == null) {
            throw DomainException.invalidArgument("weights", "is required");
        }
        if (count < 0 || count > weights.length) {
            throw DomainException.invalidArgument("count", "must be between 0 and " + weights.length + ", got " + count);
        }
        SumTree tree = new SumTree(count);
        for (int i = 0; i < count; i++) {
            requireWeight(weights[i]);
        }
        System.arraycopy(weights, 0, tree.raw[0], 0, count);
        tree.size = count;
        tree.rebuild();
        return tree;
    }

    /** One past the highest position ever set. */
    public int size() {
        return size;
    }

    public double weight(int position) {
        requirePosition("position", position, size);
        return raw[0][position];
    }

    /** The sum of all weights. */
    public double total() {
        return prefix[raw.length - 1][MASK];
    }

    /** The least positive weight, or +∞ when no weight is positive. */
    public double minPositive() {
        int top = raw.length - 1;
        double min = Double.POSITIVE_INFINITY;
        for (int j = 0; j < F; j++) {
            min = Math.min(min, leastBelow(top, j));
        }
        return min;
    }

    /** Sets one weight (finite, at least 0) and recomputes the blocks above it: O(16 · log16 n). */
    public void set(int position, double weight) {
        requirePosition("position", position, MAX_POSITIONS);
        requireWeight(weight);
        if (position >= capacity) {
            grow(position + 1);
        }
        raw[0][position] = weight;
        size = Math.max(size, position + 1);
        int entry = position;
        for (int level = 0; level < raw.length; level++) {
            summarizeBlock(level, entry & ~MASK);
            entry >>>= SHIFT;
        }
    }

    /**
     * The position whose cumulative range holds {@code target}: the first p with weight(0) + … + weight(p) &gt;
     * target. A target in [0, total) picks p with probability weight(p) / total; one that rounding pushed to the total
     * or above picks the last positive weight. Never a position of weight 0.
     */
    public int find(double target) {
        requireTarget(target);
        int entry = 0;
        for (int level = raw.length - 1; level >= 0; level--) {
            double[] sums = prefix[level];
            int base = entry << SHIFT;
            int child = countNotAbove(sums, base, target);
            if (child == F) {
                child = lastPositive(raw[level], base);
            }
            if (child > 0) {
                target -= sums[base + child - 1];
            }
            entry = base + child;
        }
        return entry;
    }

    /**
     * {@link #find} for {@code count} targets at once, written to {@code positions}; {@code targets} is used as scratch
     * and left undefined. The batch is walked level by level so that the cache misses of different draws overlap.
     */
    public void findAll(double[] targets, int count, int[] positions) {
        if (targets == null || positions == null || count < 0 || count > targets.length || count > positions.length) {
            throw DomainException.invalidArgument("count", "must fit both arrays, got " + count);
        }
        for (int i = 0; i < count; i++) {
            requireTarget(targets[i]);
        }
        Arrays.fill(positions, 0, count, 0);
        for (int level = raw.length - 1; level >= 0; level--) {
            double[] sums = prefix[level];
            for (int i = 0; i < count; i++) {
                int base = positions[i] << SHIFT;
                double target = targets[i];
                int child = countNotAbove(sums, base, target);
                if (child == F) {
                    child = lastPositive(raw[level], base);
                }
                if (child > 0) {
                    targets[i] = target - sums[base + child - 1];
                }
                positions[i] = base + child;
            }
        }
    }

    // Branch-free: the prefixes of a block only grow, so the count is the child the target falls in; a data-dependent
    // branch here would mispredict about once per level.
    private static int countNotAbove(double[] sums, int base, double target) {
        int count = 0;
        for (int j = 0; j < F; j++) {
            count += sums[base + j] <= target ? 1 : 0;
        }
        return count;
    }

    private static int lastPositive(double[] values, int base) {
        for (int j = F - 1; j >= 0; j--) {
            if (values[base + j] > 0) {
                return j;
            }
        }
        return 0;
    }

    private void requireTarget(double target) {
        if (!(target >= 0) || target == Double.POSITIVE_INFINITY) {
            throw DomainException.invalidArgument("target", "must be a finite number of at least 0, got " + target);
        }
        if (!(total() > 0)) {
            throw DomainException.invalidArgument("target", "cannot be placed: the tree holds no positive weight");
        }
    }

    private static void requireWeight(double weight) {
        if (!(weight >= 0) || weight == Double.POSITIVE_INFINITY) {
            throw DomainException.invalidArgument("weight", "must be a finite number of at least 0, got " + weight);
        }
    }

    private static void requirePosition(String field, int position, int bound) {
        if (position < 0 || position >= bound) {
            throw DomainException.invalidArgument(field, "must be between 0 and " + (bound - 1) + ", got " + position);
        }
    }

    private void grow(int needed) {
        double[] leaves = raw[0];
        allocate((int) Math.min(MAX_POSITIONS, Math.max((long) capacity * 2, needed)));
        System.arraycopy(leaves, 0, raw[0], 0, size);
        rebuild();
    }

    private void allocate(int positions) {
        int[] sizes = TreeShape.levelSizes(positions);
        capacity = sizes[0];
        raw = new double[sizes.length][];
        prefix = new double[sizes.length][];
        least = new double[sizes.length][];
        for (int level = 0; level < sizes.length; level++) {
            raw[level] = new double[sizes[level]];
            prefix[level] = new double[sizes[level]];
            least[level] = level == 0 ? null : new double[sizes[level]];
            if (level > 0) {
                Arrays.fill(least[level], Double.POSITIVE_INFINITY);
            }
        }
    }

    private void rebuild() {
        for (int level = 0; level < raw.length; level++) {
            for (int base = 0; base < raw[level].length; base += F) {
                summarizeBlock(level, base);
            }
        }
    }

    // Recomputes one block's prefix sums from its raw values and hands its total and least positive weight to the
    // entry above. set() and rebuild() share it, so an updated tree equals a rebuilt one bit for bit.
    private void summarizeBlock(int level, int base) {
        double[] values = raw[level];
        double[] sums = prefix[level];
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        for (int j = base; j < base + F; j++) {
            sum += values[j];
            sums[j] = sum;
            min = Math.min(min, leastBelow(level, j));
        }
        if (level + 1 < raw.length) {
            raw[level + 1][base >>> SHIFT] = sum;
            least[level + 1][base >>> SHIFT] = min;
        }
    }

    private double leastBelow(int level, int entry) {
        if (level > 0) {
            return least[level][entry];
        }
        double weight = raw[0][entry];
        return weight > 0 ? weight : Double.POSITIVE_INFINITY;
    }
}
