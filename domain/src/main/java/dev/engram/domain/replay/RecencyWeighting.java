package dev.engram.domain.replay;

import java.time.Duration;

/**
 * Recency: weight 2^((t_i − anchor)/h). The probabilities P(i) = 2^(−age_i/h) / Σ 2^(−age_k/h), ages measured from the
 * newest eligible item, do not depend on the anchor, which is there only to keep the powers inside a double.
 *
 * <p>The anchor is the first multiple of 256 half-lives (counted from the epoch) after the newest item of the list when
 * its tree is built — a function of the contents, so two indexes with the same items weight them identically. An item
 * appended later than the anchor would have an exponent above 0; it sends the tree to a rebuild with a new anchor, at
 * most once per 256 half-lives of new data. Items more than about 760 half-lives older than the newest sit at the
 * weight floor ({@link Weighting#MIN_WEIGHT}); their probability is below 2^-760 either way.
 */
record RecencyWeighting(Duration halfLife) implements Weighting {

    private static final double GRID_HALF_LIVES = 256;

    @Override
    public Weights bind(ItemTable table, KeyList list) {
        double halfLifeSeconds = halfLife.getSeconds() + halfLife.getNano() * 1e-9;
        double newest = Double.NEGATIVE_INFINITY;
        for (int position = 0; position < list.length(); position++) {
            int slot = list.slotAt(position);
            if (slot != KeyList.HOLE) {
                newest = Math.max(newest, table.epochSeconds(slot));
            }
        }
        double grid = GRID_HALF_LIVES * halfLifeSeconds;
        double anchor = newest == Double.NEGATIVE_INFINITY ? 0 : (Math.floor(newest / grid) + 1) * grid;
        return new Weights() {
            @Override
            public double of(int slot) {
                return Weighting.clamp(Math.pow(2, (table.epochSeconds(slot) - anchor) / halfLifeSeconds));
            }

            @Override
            public boolean fits(int slot) {
                return table.epochSeconds(slot) <= anchor;
            }
        };
    }

    @Override
    public boolean usesPriority() {
        return false;
    }
}
