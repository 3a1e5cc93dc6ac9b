package dev.engram.domain.json;

import java.util.List;
import java.util.Objects;

/** A JSON array. */
public record JsonArray(List<JsonValue> elements) implements JsonValue {
    public static final JsonArray EMPTY = new JsonArray(List.of());

    public JsonArray {
        elements = List.copyOf(Objects.requireNonNull(elements, "elements"));
    }

    public JsonValue get(int index) {
        return elements.get(index);
    }

    public int size() {
        return elements.size();
    }

    @Override
    public String typeName() {
        return "array";
    }
}
