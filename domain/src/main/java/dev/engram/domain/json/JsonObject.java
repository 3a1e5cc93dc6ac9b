package dev.engram.domain.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A JSON object; members keep the order they were sent in. Keys may be anything, including {@code $a.b} or empty. */
public record JsonObject(Map<String, JsonValue> members) implements JsonValue {
    public static final JsonObject EMPTY = new JsonObject(Map.of());

    public JsonObject {
        Objects.requireNonNull(members, "members");
        LinkedHashMap<String, JsonValue> copy = new LinkedHashMap<>(members.size() * 2);
        members.forEach((key, value) -> copy.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value of " + key)));
        members = Collections.unmodifiableMap(copy);
    }

    /** The member's value, or {@code null} when the key is absent (a JSON null is {@link JsonNull#NULL}). */
    public JsonValue get(String key) {
        return members.get(key);
    }

    public boolean has(String key) {
        return members.containsKey(key);
    }

    public int size() {
        return members.size();
    }

    @Override
    public String typeName() {
        return "object";
    }

    /** A builder that keeps insertion order; later puts of the same key replace earlier ones. */
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder put(String key, JsonValue value) {
            members.put(key, value);
            return this;
        }

        public Builder put(String key, String value) {
            return put(key, value == null ? JsonNull.NULL : new JsonString(value));
        }

        public Builder put(String key, double value) {
            return put(key, JsonNumber.of(value));
        }

        public Builder put(String key, long value) {
            return put(key, JsonNumber.of(value));
        }

        public Builder put(String key, boolean value) {
            return put(key, JsonBoolean.of(value));
        }

        /** Puts the value only when it is not {@code null}: optional fields stay absent rather than null. */
        public Builder putIfPresent(String key, JsonValue value) {
            if (value != null) {
                members.put(key, value);
            }
            return this;
        }

        public JsonObject build() {
            return new JsonObject(members);
        }
    }
}
