package dev.engram.adapters.llm;

import dev.engram.application.config.ConfigSection;
import dev.engram.application.port.out.Consolidation;
import dev.engram.application.port.out.ConsolidationInput;
import dev.engram.domain.json.JsonArray;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.JsonValue;
import dev.engram.json.JsonCodec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** The consolidator pointed at a MockWebServer with short timeouts and backoffs, and what real servers answer. */
final class Endpoint {
    static final String KEY_VARIABLE = "ENGRAM_TEST_LLM_KEY";
    static final String KEY = "sk-test-9f8e7d6c5b4a-SECRET";

    private Endpoint() {
    }

    /** Test settings: 1s read timeout, 3s overall, 2 retries, 10ms backoff, the breaker opening at the first failure. */
    static JsonObject.Builder settings(MockWebServer server) {
        return JsonObject.builder()
                .put("base_url", server.url("/v1").toString())
                .put("model", "test-model")
                .put("api_key_env", KEY_VARIABLE)
                .put("connect_timeout", "1s")
                .put("read_timeout", "1s")
                .put("overall_timeout", "3s")
                .put("max_retries", 2L)
                .put("backoff", "10ms")
                .put("max_backoff", "2s");
    }

    static OpenAiConsolidator consolidator(JsonObject settings) {
        OpenAiConfig config = OpenAiConfig.from(new ConfigSection(OpenAiConfig.SECTION, settings));
        return OpenAiModule.create(config, name -> Map.of(KEY_VARIABLE, KEY).get(name));
    }

    static OpenAiConsolidator consolidator(MockWebServer server) {
        return consolidator(settings(server).build());
    }

    static Consolidation consolidate(OpenAiConsolidator consolidator, ConsolidationInput input) {
        return consolidator.consolidate(input).block(Duration.ofSeconds(30));
    }

    /** A chat completion whose first choice says {@code content}, as OpenAI and vLLM send it. */
    static MockResponse answer(String content) {
        JsonObject body = JsonObject.builder()
                .put("id", "chatcmpl-1")
                .put("object", "chat.completion")
                .put("model", "test-model")
                .put("choices", new JsonArray(List.of(JsonObject.builder()
                        .put("index", 0L)
                        .put("message", JsonObject.builder().put("role", "assistant").put("content", content).build())
                        .put("finish_reason", "stop")
                        .build())))
                .build();
        return json(200, body);
    }

    static MockResponse json(int code, JsonValue body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
                .body(JsonCodec.instance().write(body)).build();
    }

    /** An OpenAI-style error body. */
    static MockResponse error(int code, String message) {
        return json(code, JsonObject.builder().put("error", JsonObject.builder()
                .put("message", message).put("type", "invalid_request_error").build()).build());
    }

    static JsonObject requestBody(RecordedRequest request) {
        return (JsonObject) JsonCodec.instance().parse(request.getBody().utf8());
    }

    /** The operations answer the model gives, as JSON text. */
    static String operations(JsonObject... operations) {
        return JsonCodec.instance().write(JsonObject.builder().put("operations", new JsonArray(List.of(operations))).build());
    }

    static JsonObject add(String title, String content, String polarity, String... trajectoryIds) {
        return JsonObject.builder().put("op", "add").put("rule_id", (String) null).put("task_id", Evidence.TASK)
                .put("title", title).put("description", "one line").put("content", content).put("polarity", polarity)
                .put("trajectory_ids", ids(trajectoryIds)).build();
    }

    static JsonObject agree(String ruleId, String... trajectoryIds) {
        return JsonObject.builder().put("op", "agree").put("rule_id", ruleId).put("task_id", (String) null)
                .put("title", (String) null).put("description", (String) null).put("content", (String) null)
                .put("polarity", (String) null).put("trajectory_ids", ids(trajectoryIds)).build();
    }

    private static JsonArray ids(String... ids) {
        return new JsonArray(List.of(ids).stream().map(id -> (JsonValue) new dev.engram.domain.json.JsonString(id)).toList());
    }
}
