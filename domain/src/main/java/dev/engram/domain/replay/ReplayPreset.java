package dev.engram.domain.replay;

import java.util.Optional;

/**
 * The seed's named configurations ({@code --preset}). Each fixes a strategy, its exponents and the eviction policy
 * that goes with it; any component can still be overridden on the request.
 */
public enum ReplayPreset {
    /** Quick iteration: uniform draws, the oldest item leaves a full index. */
    FAST(ReplayStrategy.UNIFORM, SampleRequest.DEFAULT_ALPHA, SampleRequest.DEFAULT_BETA, ReplayStrategy.UNIFORM),
    /** Long training runs: Schaul et al.'s proportional variant, α = 0.6, β = 0.4. */
    STABLE(ReplayStrategy.PRIORITIZED, 0.6, 0.4, ReplayStrategy.UNIFORM),
    /**
     * Focus on hard examples: α = 0.8 concentrates draws on high losses; since a sharper prioritization biases the
     * updates more, β = 0.6 corrects more of that bias (PER anneals β towards 1 over training; a caller that anneals
     * passes its own β with each request).
     */
    PRIORITIZED(ReplayStrategy.PRIORITIZED, 0.8, 0.6, ReplayStrategy.UNIFORM),
    /** Multi-domain training: an equal share per domain, uniform inside each. */
    BALANCED(ReplayStrategy.BALANCED, SampleRequest.DEFAULT_ALPHA, SampleRequest.DEFAULT_BETA, ReplayStrategy.UNIFORM);

    private final ReplayStrategy strategy;
    private final double alpha;
    private final double beta;
    private final ReplayStrategy within;

    ReplayPreset(ReplayStrategy strategy, double alpha, double beta, ReplayStrategy within) {
        this.strategy = strategy;
        this.alpha = alpha;
        this.beta = beta;
        this.within = within;
    }

    /** A request for {@code n} draws with this preset's components and the defaults for the rest. */
    public SampleRequest request(int n) {
        return SampleRequest.of(n, strategy).withAlpha(alpha).withBeta(beta).withWithin(within);
    }

    public ReplayStrategy strategy() {
        return strategy;
    }

    /** The eviction policy an index sampled with this preset should use. */
    public EvictionPolicy eviction() {
        return EvictionPolicy.forStrategy(strategy);
    }

    public String wireName() {
        return WireNames.of(this);
    }

    /** Parses a wire name in any case; empty when the text names no preset. */
    public static Optional<ReplayPreset> parse(String text) {
        return WireNames.parse(values(), text);
    }
}
