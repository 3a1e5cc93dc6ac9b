package dev.engram.app.http;

import dev.engram.domain.json.JsonArray;
import dev.engram.domain.json.JsonBoolean;
import dev.engram.domain.json.JsonNull;
import dev.engram.domain.json.JsonNumber;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.JsonString;
import dev.engram.domain.json.JsonValue;
import java.util.List;

/** Reads test answers by path: {@code at(json, "error.details.0.field")}. */
final class Json {
    private Json() {
    }

    static JsonValue at(JsonValue root, String path) {
        JsonValue v = root;
        for (String part : path.split("\\.")) {
            if (v instanceof JsonObject o) {
                v = o.get(part);
            } else if (v instanceof JsonArray a) {
                v = a.get(Integer.parseInt(part));
            } else {
                throw new AssertionError("no " + path + " in " + dev.engram.json.JsonCodec.instance().write(root));
            }
            if (v == null) {
                throw new AssertionError("no " + path + " in " + dev.engram.json.JsonCodec.instance().write(root));
            }
        }
        return v;
    }

    /** The value as plain Java: String, Long/Double, Boolean, null, List, or the JsonObject itself. */
    static Object value(JsonValue root, String path) {
        JsonValue v = at(root, path);
        if (v instanceof JsonString s) {
            return s.value();
        }
        if (v instanceof JsonNumber n) {
            return n.value().stripTrailingZeros().scale() <= 0 ? (Object) n.value().longValue() : (Object) n.doubleValue();
        }
        if (v instanceof JsonBoolean b) {
            return b.value();
        }
        if (v == JsonNull.NULL) {
            return null;
        }
        return v;
    }

    static String text(JsonValue root, String path) {
        return (String) value(root, path);
    }

    static long number(JsonValue root, String path) {
        return ((JsonNumber) at(root, path)).value().longValue();
    }

    static List<JsonValue> items(JsonValue root, String path) {
        return ((JsonArray) at(root, path)).elements();
    }
}
