package dev.engram.domain.trajectory;

import java.util.Locale;
import java.util.Optional;

/** How a run ended. Parsed in any case; written in lower case. */
public enum Outcome {
    SUCCESS,
    FAILURE,
    PARTIAL;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** The lower-case wire name (kept, not recomputed: indexes key their lists by it per item). */
    public String wireName() {
        return wireName;
    }

    /** Parses {@code success}, {@code FAILURE}, {@code Partial}…; empty when the text names no outcome. */
    public static Optional<Outcome> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "success":
                return Optional.of(SUCCESS);
            case "failure":
                return Optional.of(FAILURE);
            case "partial":
                return Optional.of(PARTIAL);
            default:
                return Optional.empty();
        }
    }

    /** The seed's reading of a score: at least 0.85 is a success, below 0.5 a failure, partial between. */
    public static Outcome fromScore(double score) {
        if (score >= 0.85) {
            return SUCCESS;
        }
        return score < 0.5 ? FAILURE : PARTIAL;
    }
}
