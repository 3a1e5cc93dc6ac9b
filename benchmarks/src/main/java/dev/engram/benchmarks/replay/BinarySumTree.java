package dev.engram.benchmarks.replay;

/**
 * The textbook layout the index's tree replaces, kept as a baseline: a binary sum tree in one array (node i's children
 * at 2i and 2i+1, leaves from {@code capacity}), found by ~log2 n dependent steps, each a likely cache miss at 10^6.
 */
final class BinarySumTree {

    private final int capacity;
    private final double[] nodes;

    BinarySumTree(double[] weights) {
        int size = 1;
        while (size < weights.length) {
            size <<= 1;
        }
        capacity = size;
        nodes = new double[2 * size];
        System.arraycopy(weights, 0, nodes, size, weights.length);
        for (int i = size - 1; i >= 1; i--) {
            nodes[i] = nodes[2 * i] + nodes[2 * i + 1];
        }
    }

    double total() {
        return nodes[1];
    }

    /** The leaf index whose cumulative range holds the target. */
    int find(double target) {
        int node = 1;
        while (node < capacity) {
            double left = nodes[2 * node];
            if (target < left) {
                node = 2 * node;
            } else {
                target -= left;
                node = 2 * node + 1;
            }
        }
        return node - capacity;
    }

    double weight(int leaf) {
        return nodes[capacity + leaf];
    }
}
