package dev.engram.domain.json;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A JSON number with its exact decimal value: {@code 12345678901234567} stays that, never a rounded double.
 * Equality is by value and scale, so {@code 1.0} and {@code 1.00} are different texts and different values here,
 * as they were different in what the client sent.
 */
public record JsonNumber(BigDecimal value) implements JsonValue {
    public JsonNumber {
        Objects.requireNonNull(value, "value");
    }

    public static JsonNumber of(long value) {
        return new JsonNumber(BigDecimal.valueOf(value));
    }

    /** A finite double as its shortest decimal form; NaN and infinities are not JSON. */
    public static JsonNumber of(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        return new JsonNumber(BigDecimal.valueOf(value));
    }

    public double doubleValue() {
        return value.doubleValue();
    }

    @Override
    public String typeName() {
        return "number";
    }
}
