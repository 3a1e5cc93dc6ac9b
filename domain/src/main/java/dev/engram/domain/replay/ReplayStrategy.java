package dev.engram.domain.replay;

import java.util.Optional;

/** How a sample chooses its items. The wire name is the lower-case enum name ({@code --strategy}). */
public enum ReplayStrategy {
    /** Every eligible item equally likely. */
    UNIFORM,
    /** Proportional prioritization: P(i) = p_i^α / Σ_k p_k^α, with importance-sampling weights. */
    PRIORITIZED,
    /** P(i) ∝ 2^(−age/half-life), ages measured from the newest eligible item. */
    RECENCY,
    /** A share {@code mix} of prioritized draws, the rest uniform; probabilities are the mixture's. */
    MIXED,
    /** An equal share of the draws per domain, stratified, each share drawn with the {@code within} strategy. */
    BALANCED,
    /** The oldest eligible items first. */
    FIFO,
    /** The newest eligible items first. */
    LIFO,
    /** The highest priorities first. */
    TOP;

    public String wireName() {
        return WireNames.of(this);
    }

    /** Parses a wire name in any case; empty when the text names no strategy. */
    public static Optional<ReplayStrategy> parse(String text) {
        return WireNames.parse(values(), text);
    }

    /** Whether the strategy lists items in a fixed order (probability and weight 1) rather than drawing at random. */
    boolean ordered() {
        return this == FIFO || this == LIFO || this == TOP;
    }
}
