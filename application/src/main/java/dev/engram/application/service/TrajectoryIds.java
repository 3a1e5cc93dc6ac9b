package dev.engram.application.service;

import dev.engram.application.port.out.Clock;
import dev.engram.application.port.out.RandomSource;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Ids for trajectories that arrive without one: {@code tr-}, the recording time in milliseconds (so ids sort
 * roughly by time), and 64 random bits, in lower-case base 32 — 26 characters, within the id charset.
 */
final class TrajectoryIds implements Supplier<String> {
    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

    private final Clock clock;
    private final RandomGenerator random;

    TrajectoryIds(Clock clock, RandomSource random) {
        this.clock = clock;
        this.random = random.generator(null);
    }

    @Override
    public synchronized String get() {
        StringBuilder id = new StringBuilder("tr-");
        append(id, clock.now().toEpochMilli(), 9);
        append(id, random.nextLong(), 13);
        return id.toString();
    }

    private static void append(StringBuilder out, long value, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            out.append(ALPHABET[(int) ((value >>> (5 * i)) & 31)]);
        }
    }
}
