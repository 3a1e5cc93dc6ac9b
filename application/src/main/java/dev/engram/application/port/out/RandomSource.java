package dev.engram.application.port.out;

import java.util.random.RandomGenerator;

/**
 * Random generators for sampling and ids, injected so that a seed reproduces a batch. The algorithm is fixed and
 * named ({@value #ALGORITHM}); nothing uses a global generator.
 */
public interface RandomSource {
    String ALGORITHM = "L64X128MixRandom";

    /** A generator for one operation: seeded when a seed is given, otherwise from fresh entropy. */
    RandomGenerator generator(Long seed);
}
