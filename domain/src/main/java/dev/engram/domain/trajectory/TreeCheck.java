package dev.engram.domain.trajectory;

import dev.engram.domain.json.JsonArray;
import dev.engram.domain.json.JsonBoolean;
import dev.engram.domain.json.JsonNumber;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.JsonString;
import dev.engram.domain.json.JsonValue;
import java.util.Map;

/**
 * One walk over a whole item that checks what applies everywhere — nesting depth, string length, keys a store
 * cannot hold (NUL), text that is not valid Unicode (an unpaired surrogate) — and measures its encoded size.
 */
final class TreeCheck {
    private final TrajectoryLimits limits;
    private final Problems problems;
    private long encodedBytes;

    private TreeCheck(TrajectoryLimits limits, Problems problems) {
        this.limits = limits;
        this.problems = problems;
    }

    /** Checks the tree and returns its size as compact UTF-8 JSON (close to, never below, the real encoding). */
    static long run(JsonValue root, TrajectoryLimits limits, Problems problems) {
        TreeCheck check = new TreeCheck(limits, problems);
        check.walk(root, "", 1);
        return check.encodedBytes;
    }

    private void walk(JsonValue value, String path, int depth) {
        if (depth > limits.maxDepth() && (value instanceof JsonObject || value instanceof JsonArray)) {
            problems.add(path, "nesting is deeper than the limit of " + limits.maxDepth() + " levels");
            return;
        }
        if (value instanceof JsonObject object) {
            encodedBytes += 2;
            for (Map.Entry<String, JsonValue> member : object.members().entrySet()) {
                String key = member.getKey();
                String childPath = Problems.child(path, key);
                if (key.indexOf('\0') >= 0) {
                    problems.add(childPath, "keys must not contain the NUL character");
                }
                text(key, childPath, "key");
                encodedBytes += 1;
                walk(member.getValue(), childPath, depth + 1);
            }
        } else if (value instanceof JsonArray array) {
            encodedBytes += 2;
            for (int i = 0; i < array.size(); i++) {
                encodedBytes += 1;
                walk(array.get(i), Problems.index(path, i), depth + 1);
            }
        } else if (value instanceof JsonString string) {
            text(string.value(), path, "string");
        } else if (value instanceof JsonNumber number) {
            encodedBytes += number.value().toString().length();
        } else {
            encodedBytes += value == JsonBoolean.FALSE ? 5 : 4;
        }
    }

    private void text(String text, String path, String what) {
        if (text.length() > limits.maxStringLength()) {
            problems.add(path, what + " is " + text.length() + " characters, over the limit of " + limits.maxStringLength());
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                encodedBytes += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                problems.add(path, what + " is not valid Unicode (an unpaired surrogate at character " + i + ")");
                return;
            } else {
                encodedBytes += c < 0x80 ? (c < 0x20 || c == '"' || c == '\\' ? 2 : 1) : c < 0x800 ? 2 : 3;
            }
        }
        encodedBytes += 2;
    }
}
