package dev.engram.domain.json;

/** The JSON {@code null}. */
public enum JsonNull implements JsonValue {
    NULL;

    @Override
    public String typeName() {
        return "null";
    }
}
