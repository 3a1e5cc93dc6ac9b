package dev.engram.domain.json;

/**
 * An immutable JSON value: the arbitrary trees agents send in {@code tool_args}, {@code tool_result},
 * {@code initial_state} and {@code metadata}, kept exactly as sent (key order, exact numbers, any keys).
 * Parsing text into these trees is a front end's job; the domain only ever sees the tree.
 */
public sealed interface JsonValue permits JsonObject, JsonArray, JsonString, JsonNumber, JsonBoolean, JsonNull {

    /** The JSON type name used in error messages: object, array, string, number, boolean, null. */
    String typeName();
}
