package dev.engram.runtime;

import dev.engram.application.port.out.RandomSource;
import dev.engram.domain.replay.ReplayRandom;
import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/** Generators of the fixed algorithm: seeded when asked, otherwise seeded from the system's entropy. */
final class SystemRandomSource implements RandomSource {
    private final SecureRandom entropy = new SecureRandom();

    @Override
    public RandomGenerator generator(Long seed) {
        return ReplayRandom.seeded(seed != null ? seed : entropy.nextLong());
    }
}
