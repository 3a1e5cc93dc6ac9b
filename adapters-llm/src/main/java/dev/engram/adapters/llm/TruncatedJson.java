package dev.engram.adapters.llm;

import dev.engram.domain.json.JsonArray;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.JsonString;
import dev.engram.domain.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON tree cut to size for a prompt: every string to {@code fieldLimit} code points, long lists to their first
 * and last few elements, wide objects to their first members, deep nesting to a marker. One huge tool result or
 * a 10,000-step run cannot crowd out the rest of the evidence, and what is cut says so.
 */
final class TruncatedJson {
    private static final int MAX_DEPTH = 6;
    private static final int HEAD = 12;
    private static final int TAIL = 4;
    private static final int MAX_MEMBERS = 24;

    private final int fieldLimit;

    TruncatedJson(int fieldLimit) {
        this.fieldLimit = fieldLimit;
    }

    JsonValue cut(JsonValue value) {
        return cut(value, 0);
    }

    String cut(String text) {
        int length = text.codePointCount(0, text.length());
        if (length <= fieldLimit) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, fieldLimit)) + "…[" + (length - fieldLimit) + " more characters cut]";
    }

    private JsonValue cut(JsonValue value, int depth) {
        if (value instanceof JsonString s) {
            return new JsonString(cut(s.value()));
        }
        if (depth >= MAX_DEPTH && (value instanceof JsonObject || value instanceof JsonArray)) {
            return new JsonString("…[nested " + value.typeName() + " cut]");
        }
        if (value instanceof JsonArray array) {
            List<JsonValue> elements = array.elements();
            List<JsonValue> out = new ArrayList<>();
            if (elements.size() <= HEAD + TAIL) {
                elements.forEach(e -> out.add(cut(e, depth + 1)));
            } else {
                elements.subList(0, HEAD).forEach(e -> out.add(cut(e, depth + 1)));
                out.add(new JsonString("…[" + (elements.size() - HEAD - TAIL) + " elements cut]"));
                elements.subList(elements.size() - TAIL, elements.size()).forEach(e -> out.add(cut(e, depth + 1)));
            }
            return new JsonArray(out);
        }
        if (value instanceof JsonObject object) {
            Map<String, JsonValue> out = new LinkedHashMap<>();
            int kept = 0;
            for (Map.Entry<String, JsonValue> member : object.members().entrySet()) {
                if (kept++ == MAX_MEMBERS) {
                    out.put("…", new JsonString("[" + (object.size() - MAX_MEMBERS) + " members cut]"));
                    break;
                }
                out.put(cut(member.getKey()), cut(member.getValue(), depth + 1));
            }
            return new JsonObject(out);
        }
        return value;
    }
}
