package dev.engram.domain.error;

import java.util.Objects;

/**
 * One broken rule: the path of the field at fault ({@code steps[3].tool_name}, empty for the item itself) and a
 * message that says why, written for the person who sent the data.
 */
public record Violation(String field, String message) {
    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return field.isEmpty() ? message : field + ": " + message;
    }
}
