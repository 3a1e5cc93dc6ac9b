package dev.engram.app.cli.e2e;

import dev.engram.domain.json.JsonArray;
import dev.engram.domain.json.JsonBoolean;
import dev.engram.domain.json.JsonNull;
import dev.engram.domain.json.JsonNumber;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.JsonString;
import dev.engram.domain.json.JsonValue;
import dev.engram.json.JsonCodec;
import java.util.List;

/** Reading the command's JSON output in assertions: {@code Json.of(out).at("items", 0, "trajectory_id")}. */
public record Json(JsonValue value) {
    public static Json of(String text) {
        return new Json(JsonCodec.instance().parse(text.trim()));
    }

    /** The value at a path of keys (objects) and indexes (arrays). */
    public Json at(Object... path) {
        JsonValue current = value;
        for (Object step : path) {
            if (step instanceof Integer index) {
                current = ((JsonArray) current).get(index);
            } else {
                current = ((JsonObject) current).get((String) step);
                if (current == null) {
                    throw new AssertionError("no key " + step + " in " + JsonCodec.instance().write(value));
                }
            }
        }
        return new Json(current);
    }

    public String text() {
        return ((JsonString) value).value();
    }

    public long number() {
        return ((JsonNumber) value).value().longValueExact();
    }

    public double decimal() {
        return ((JsonNumber) value).doubleValue();
    }

    public boolean bool() {
        return ((JsonBoolean) value).value();
    }

    public boolean isNull() {
        return value == JsonNull.NULL;
    }

    public int size() {
        return value instanceof JsonArray a ? a.size() : ((JsonObject) value).size();
    }

    public List<String> keys() {
        return List.copyOf(((JsonObject) value).members().keySet());
    }

    public List<Json> items() {
        return ((JsonArray) value).elements().stream().map(Json::new).toList();
    }
}
