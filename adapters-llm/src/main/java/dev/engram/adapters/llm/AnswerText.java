package dev.engram.adapters.llm;

import dev.engram.domain.error.DomainException;
import dev.engram.domain.json.JsonArray;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.JsonValue;
import dev.engram.json.JsonCodec;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the JSON in a model's answer. Servers that ignore {@code response_format} (and models that ignore their
 * instructions) wrap it in markdown fences or in prose: the whole text is tried first, then each fenced block,
 * then the balanced {@code {...}} and {@code [...]} spans (see {@link #embedded}). Every candidate goes
 * through the one strict {@link JsonCodec}; nothing here parses JSON by itself, it only finds where it may be.
 */
final class AnswerText {
    private static final Pattern FENCE = Pattern.compile("```[A-Za-z0-9_-]*[ \\t]*\\R?(.*?)```", Pattern.DOTALL);

    private AnswerText() {
    }

    static Optional<JsonValue> json(String answer) {
        Optional<JsonValue> whole = parse(answer.strip());
        if (whole.isPresent()) {
            return whole;
        }
        Matcher fence = FENCE.matcher(answer);
        while (fence.find()) {
            Optional<JsonValue> fenced = parse(fence.group(1).strip());
            if (fenced.isPresent()) {
                return fenced;
            }
        }
        return embedded(answer);
    }

    /**
     * A JSON span inside prose. Prose has its own brackets ("see [1]"), so the first span that parses is not
     * necessarily the answer: an object holding {@code operations} wins, then the first array, then the first object.
     */
    private static Optional<JsonValue> embedded(String answer) {
        JsonValue firstArray = null;
        JsonValue firstObject = null;
        for (int start = 0; start < answer.length(); start++) {
            char c = answer.charAt(start);
            if (c != '{' && c != '[') {
                continue;
            }
            int end = balancedEnd(answer, start);
            Optional<JsonValue> span = end > start ? parse(answer.substring(start, end + 1)) : Optional.empty();
            if (span.isEmpty()) {
                continue;
            }
            JsonValue value = span.get();
            if (value instanceof JsonObject object && object.has("operations")) {
                return span;
            }
            if (value instanceof JsonArray && firstArray == null) {
                firstArray = value;
            } else if (value instanceof JsonObject && firstObject == null) {
                firstObject = value;
            }
        }
        return Optional.ofNullable(firstArray != null ? firstArray : firstObject);
    }

    /** The index of the bracket closing the one at {@code start}, skipping brackets inside strings; -1 if none. */
    private static int balancedEnd(String text, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static Optional<JsonValue> parse(String candidate) {
        if (candidate.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JsonCodec.instance().parse(candidate));
        } catch (DomainException notJson) {
            return Optional.empty();
        }
    }
}
