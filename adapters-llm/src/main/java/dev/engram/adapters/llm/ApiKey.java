package dev.engram.adapters.llm;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The API key, read from the environment variable the configuration names. It is only ever written into the
 * {@code Authorization} header; {@link #toString()} hides it, and {@link #scrub} removes it from any text that came
 * back from the server (some servers echo the key they refused) before that text reaches a log or an error.
 */
final class ApiKey {
    static final ApiKey NONE = new ApiKey(null);
    private static final String HIDDEN = "[REDACTED]";

    private final String value;

    private ApiKey(String value) {
        this.value = value;
    }

    /** The key in {@code variable}, or none when no variable is named or it is unset or blank. */
    static ApiKey fromEnvironment(String variable, UnaryOperator<String> environment) {
        if (variable == null) {
            return NONE;
        }
        String value = environment.apply(variable);
        return value == null || value.isBlank() ? NONE : new ApiKey(value.trim());
    }

    Optional<String> bearer() {
        return value == null ? Optional.empty() : Optional.of("Bearer " + value);
    }

    String scrub(String text) {
        return value == null || text == null ? text : text.replace(value, HIDDEN);
    }

    @Override
    public String toString() {
        return value == null ? "none" : HIDDEN;
    }
}
