package dev.engram.domain.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Test input written as JSON text, read into the domain's trees with Jackson (test scope only). */
public final class TestJson {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();

    private TestJson() {
    }

    public static JsonValue parse(String text) {
        return convert(MAPPER.readTree(text));
    }

    public static JsonObject object(String text) {
        return (JsonObject) parse(text);
    }

    private static JsonValue convert(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonValue> members = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                members.put(member.getKey(), convert(member.getValue()));
            }
            return new JsonObject(members);
        }
        if (node.isArray()) {
            List<JsonValue> elements = new ArrayList<>();
            for (JsonNode element : node.values()) {
                elements.add(convert(element));
            }
            return new JsonArray(elements);
        }
        if (node.isString()) {
            return new JsonString(node.stringValue());
        }
        if (node.isNumber()) {
            return new JsonNumber(node.isIntegralNumber() ? new BigDecimal(node.bigIntegerValue()) : node.decimalValue());
        }
        if (node.isBoolean()) {
            return JsonBoolean.of(node.booleanValue());
        }
        return JsonNull.NULL;
    }
}
