package dev.engram.domain.replay;

import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * The generator replay sampling is reproducible with. The algorithm is fixed by name so that a seed means the same
 * batch on every JDK and machine; the caller owns the generator (there is no shared one).
 */
public final class ReplayRandom {

    /** LXM family, 64-bit LCG + 128-bit xoroshiro, period 2^192: fast, splittable, specified in the JDK. */
    public static final String ALGORITHM = "L64X128MixRandom";

    private ReplayRandom() {
    }

    /** A fresh generator of {@link #ALGORITHM} seeded with {@code seed}. */
    public static RandomGenerator seeded(long seed) {
        try {
            return RandomGeneratorFactory.of(ALGORITHM).create(seed);
        } catch (IllegalArgumentException missing) {
            throw new DomainException(ErrorCode.INTERNAL,
                    "this Java runtime lacks the random generator " + ALGORITHM + " (module jdk.random)");
        }
    }
}
