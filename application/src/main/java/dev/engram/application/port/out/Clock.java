package dev.engram.application.port.out;

import java.time.Instant;

/** The time, injected so that tests and reproducible runs control it. */
@FunctionalInterface
public interface Clock {
    Instant now();

    static Clock system() {
        return Instant::now;
    }
}
