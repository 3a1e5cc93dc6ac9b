package dev.engram.adapters.llm;

import dev.engram.domain.json.JsonArray;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.JsonString;
import dev.engram.domain.json.JsonValue;
import java.util.List;

/**
 * The JSON schema of an answer: {@code {"operations": [...]}} (both {@code json_schema} and {@code json_object}
 * modes need an object at the root). Strict mode wants every property required and no others, so the fields an
 * operation does not use are null. No length or count keywords: several servers' strict modes reject them, which
 * would cost a request. The schema only steers the model; {@link ProposedChanges} checks every answer again.
 */
final class OperationsSchema {

    static final JsonObject SCHEMA = JsonObject.builder()
            .put("type", "object")
            .put("additionalProperties", false)
            .put("required", strings("operations"))
            .put("properties", JsonObject.builder()
                    .put("operations", JsonObject.builder()
                            .put("type", "array")
                            .put("items", operation())
                            .build())
                    .build())
            .build();

    private OperationsSchema() {
    }

    private static JsonObject operation() {
        return JsonObject.builder()
                .put("type", "object")
                .put("additionalProperties", false)
                .put("required", strings("op", "rule_id", "task_id", "title", "description", "content", "polarity", "trajectory_ids"))
                .put("properties", JsonObject.builder()
                        .put("op", JsonObject.builder().put("type", "string").put("enum", strings("add", "agree", "edit", "remove")).build())
                        .put("rule_id", nullableString())
                        .put("task_id", nullableString())
                        .put("title", nullableString())
                        .put("description", nullableString())
                        .put("content", nullableString())
                        .put("polarity", JsonObject.builder().put("type", strings("string", "null"))
                                .put("enum", new JsonArray(List.of(new JsonString("works"), new JsonString("avoid"),
                                        dev.engram.domain.json.JsonNull.NULL))).build())
                        .put("trajectory_ids", JsonObject.builder().put("type", "array")
                                .put("items", JsonObject.builder().put("type", "string").build()).build())
                        .build())
                .build();
    }

    private static JsonObject nullableString() {
        return JsonObject.builder().put("type", strings("string", "null")).build();
    }

    private static JsonArray strings(String... values) {
        return new JsonArray(List.of(values).stream().map(v -> (JsonValue) new JsonString(v)).toList());
    }
}
