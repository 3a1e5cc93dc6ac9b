package dev.engram.adapters.llm;

import dev.engram.domain.json.JsonObject;

/**
 * The {@code response_format} asked for, strictest first. OpenAI, vLLM, LM Studio and recent llama.cpp servers
 * accept a JSON schema; some servers and models accept only {@code json_object}, and some reject or ignore the
 * field altogether: each 400 that refuses it steps down one level, and the answer is then extracted leniently.
 */
enum ResponseFormat {
    JSON_SCHEMA,
    JSON_OBJECT,
    NONE;

    /** The next, looser format; null after {@link #NONE}. */
    ResponseFormat looser() {
        switch (this) {
            case JSON_SCHEMA:
                return JSON_OBJECT;
            case JSON_OBJECT:
                return NONE;
            default:
                return null;
        }
    }

    /** The request's {@code response_format} member; null when none is sent. */
    JsonObject requestValue() {
        switch (this) {
            case JSON_SCHEMA:
                return JsonObject.builder().put("type", "json_schema").put("json_schema", JsonObject.builder()
                        .put("name", "rule_operations")
                        .put("strict", true)
                        .put("schema", OperationsSchema.SCHEMA)
                        .build()).build();
            case JSON_OBJECT:
                return JsonObject.builder().put("type", "json_object").build();
            default:
                return null;
        }
    }
}
