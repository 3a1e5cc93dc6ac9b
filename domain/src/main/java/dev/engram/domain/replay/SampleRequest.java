package dev.engram.domain.replay;

import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import dev.engram.domain.error.Violation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One sample query. It validates itself and reports every bad component at once, each naming its field.
 *
 * @param n               how many draws, 1 to {@link #MAX_N}
 * @param strategy        how to draw
 * @param alpha           the prioritization exponent α (prioritized, mixed), finite and at least 0; 0 is uniform
 * @param beta            the importance-sampling exponent β, in [0, 1]; 1 corrects the bias of prioritization fully
 * @param halfLife        the recency half-life, positive: an item one half-life older is half as likely
 * @param mix             the share of prioritized draws in a mixed sample, in [0, 1]
 * @param within          the strategy used inside each domain by a balanced sample; anything but {@code BALANCED}
 * @param withReplacement whether an item may be drawn more than once; without, the items are distinct and a request
 *                        for more than are eligible returns all of them (fifo, lifo and top never repeat an item)
 * @param filter          which items are eligible; {@code null} means any
 */
public record SampleRequest(int n, ReplayStrategy strategy, double alpha, double beta, Duration halfLife, double mix,
                            ReplayStrategy within, boolean withReplacement, ReplayFilter filter) {

    /** The largest batch one request may ask for; larger reads are exports, not samples. */
    public static final int MAX_N = 100_000;
    /** Schaul et al.'s α for proportional prioritization (and the seed's default). */
    public static final double DEFAULT_ALPHA = 0.6;
    /** Schaul et al.'s initial β. */
    public static final double DEFAULT_BETA = 0.4;
    /** A week: the experience of the last few days dominates, a month back still counts a little. */
    public static final Duration DEFAULT_HALF_LIFE = Duration.ofDays(7);
    /** The seed's mixed strategy: half prioritized, half uniform. */
    public static final double DEFAULT_MIX = 0.5;

    public SampleRequest {
        List<Violation> problems = new ArrayList<>();
        if (n < 1 || n > MAX_N) {
            problems.add(new Violation("n", "must be between 1 and " + MAX_N + ", got " + n));
        }
        if (strategy == null) {
            problems.add(new Violation("strategy", "is required"));
        }
        if (!Double.isFinite(alpha) || alpha < 0) {
            problems.add(new Violation("alpha", "must be a finite number of at least 0, got " + alpha));
        }
        if (!(beta >= 0 && beta <= 1)) {
            problems.add(new Violation("beta", "must be between 0 and 1, got " + beta));
        }
        if (halfLife == null || halfLife.isNegative() || halfLife.isZero()) {
            problems.add(new Violation("half_life", "must be a positive duration, got " + halfLife));
        }
        if (!(mix >= 0 && mix <= 1)) {
            problems.add(new Violation("mix", "must be between 0 and 1, got " + mix));
        }
        if (within == null || within == ReplayStrategy.BALANCED) {
            problems.add(new Violation("within", "must be a strategy other than balanced, got " + within));
        }
        if (!problems.isEmpty()) {
            String message = problems.stream().map(Violation::toString).collect(Collectors.joining("; "));
            throw new DomainException(ErrorCode.INVALID_ARGUMENT, message, problems);
        }
        alpha = alpha + 0.0; // -0.0 and 0.0 must name the same weighting
        if (filter == null) {
            filter = ReplayFilter.any();
        }
    }

    /** A request with every other component at its default (see the constants), without replacement, any item. */
    public static SampleRequest of(int n, ReplayStrategy strategy) {
        return new SampleRequest(n, strategy, DEFAULT_ALPHA, DEFAULT_BETA, DEFAULT_HALF_LIFE, DEFAULT_MIX,
                ReplayStrategy.UNIFORM, false, ReplayFilter.any());
    }

    public SampleRequest withN(int value) {
        return new SampleRequest(value, strategy, alpha, beta, halfLife, mix, within, withReplacement, filter);
    }

    public SampleRequest withAlpha(double value) {
        return new SampleRequest(n, strategy, value, beta, halfLife, mix, within, withReplacement, filter);
    }

    public SampleRequest withBeta(double value) {
        return new SampleRequest(n, strategy, alpha, value, halfLife, mix, within, withReplacement, filter);
    }

    public SampleRequest withHalfLife(Duration value) {
        return new SampleRequest(n, strategy, alpha, beta, value, mix, within, withReplacement, filter);
    }

    public SampleRequest withMix(double value) {
        return new SampleRequest(n, strategy, alpha, beta, halfLife, value, within, withReplacement, filter);
    }

    public SampleRequest withWithin(ReplayStrategy value) {
        return new SampleRequest(n, strategy, alpha, beta, halfLife, mix, value, withReplacement, filter);
    }

    public SampleRequest withReplacement(boolean value) {
        return new SampleRequest(n, strategy, alpha, beta, halfLife, mix, within, value, filter);
    }

    public SampleRequest withFilter(ReplayFilter value) {
        return new SampleRequest(n, strategy, alpha, beta, halfLife, mix, within, withReplacement, value);
    }
}
