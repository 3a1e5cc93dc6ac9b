package dev.engram.domain.memory;

/** Whether a rule says what to repeat or what to avoid. */
public enum Polarity {
    /** Repeat this: it worked. */
    WORKS,
    /** Do not do this: it went wrong. */
    AVOID
}
