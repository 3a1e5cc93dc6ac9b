package dev.engram.application.port.in;

import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.JsonString;
import dev.engram.domain.json.JsonValue;

/**
 * One item of a batch as a front end read it: its position (0-based index, 1-based line; 0 when the input has no
 * lines) and either its JSON tree or why the text could not be parsed.
 */
public record InputItem(int index, long line, JsonValue value, String parseError) {
    public InputItem {
        if ((value == null) == (parseError == null)) {
            throw new IllegalArgumentException("an input item holds a value or a parse error");
        }
    }

    public static InputItem of(int index, JsonValue value) {
        return new InputItem(index, 0, value, null);
    }

    /** The trajectory id the item was sent with, even when the item is invalid (to name it in reports); else null. */
    public String sentTrajectoryId() {
        return value instanceof JsonObject item && item.get("trajectory_id") instanceof JsonString id ? id.value() : null;
    }
}
