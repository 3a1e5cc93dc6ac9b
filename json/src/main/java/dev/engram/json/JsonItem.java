package dev.engram.json;

import dev.engram.domain.json.JsonValue;

/**
 * One item of a batch input: its position (0-based index, and the lines it spans, 1-based) and either its value or
 * why it could not be read. A malformed item is reported, never skipped silently.
 */
public record JsonItem(int index, long line, long endLine, JsonValue value, String error) {
    public JsonItem {
        if ((value == null) == (error == null)) {
            throw new IllegalArgumentException("an item holds a value or an error");
        }
    }

    public boolean ok() {
        return value != null;
    }

    /** "line 17" or "lines 17-20", for messages. */
    public String where() {
        return endLine > line ? "lines " + line + "-" + endLine : "line " + line;
    }
}
