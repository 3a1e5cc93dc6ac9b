package dev.engram.domain.replay;

/**
 * Proportional prioritization: weight p_i^α. α = 0 gives every item weight exactly 1, which is how uniform draws
 * over a list with holes (and mixed draws) are made: the sums are then exact integers, whatever the layout.
 */
record PriorityWeighting(double alpha) implements Weighting {

    static final PriorityWeighting UNIFORM = new PriorityWeighting(0.0);

    @Override
    public Weights bind(ItemTable table, KeyList list) {
        return new Weights() {
            @Override
            public double of(int slot) {
                return Weighting.clamp(Math.pow(table.priority(slot), alpha));
            }

            @Override
            public boolean fits(int slot) {
                return true;
            }
        };
    }

    @Override
    public boolean usesPriority() {
        return alpha != 0;
    }
}
