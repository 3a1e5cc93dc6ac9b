package dev.engram.json.views;

import dev.engram.domain.json.JsonArray;
import dev.engram.domain.json.JsonNull;
import dev.engram.domain.json.JsonNumber;
import dev.engram.domain.json.JsonString;
import dev.engram.domain.json.JsonValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.function.Function;

/** The few conversions every view needs: absent values become JSON {@code null}, never a missing key. */
final class JsonValues {
    private JsonValues() {
    }

    static JsonValue number(Double value) {
        return value == null ? JsonNull.NULL : JsonNumber.of(value);
    }

    static JsonValue number(Long value) {
        return value == null ? JsonNull.NULL : JsonNumber.of(value);
    }

    static JsonValue text(String value) {
        return value == null ? JsonNull.NULL : new JsonString(value);
    }

    static <T> JsonArray array(Collection<T> items, Function<T, JsonValue> view) {
        java.util.List<JsonValue> out = new ArrayList<>(items.size());
        for (T item : items) {
            out.add(view.apply(item));
        }
        return new JsonArray(out);
    }

    static JsonArray texts(Collection<String> items) {
        return array(items, JsonValues::text);
    }
}
