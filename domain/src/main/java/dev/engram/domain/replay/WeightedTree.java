package dev.engram.domain.replay;

/** A list's sum tree under one weighting, with the bound weights that keep it up to date. */
record WeightedTree(SumTree tree, Weighting.Weights weights) {

    /** Weights every position of the list (holes 0) and builds the tree: O(list length). */
    static WeightedTree build(Weighting weighting, ItemTable table, KeyList list) {
        Weighting.Weights weights = weighting.bind(table, list);
        double[] values = new double[list.length()];
        for (int position = 0; position < values.length; position++) {
            int slot = list.slotAt(position);
            values[position] = slot == KeyList.HOLE ? 0 : weights.of(slot);
        }
        return new WeightedTree(SumTree.of(values, values.length), weights);
    }
}
