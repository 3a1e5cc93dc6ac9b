package dev.engram.adapters.llm;

import static dev.engram.adapters.llm.Endpoint.add;
import static dev.engram.adapters.llm.Endpoint.agree;
import static dev.engram.adapters.llm.Endpoint.answer;
import static dev.engram.adapters.llm.Endpoint.operations;
import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.application.port.out.Consolidation;
import dev.engram.domain.json.JsonArray;
import dev.engram.domain.json.JsonNumber;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.JsonString;
import dev.engram.domain.memory.Rule;
import java.math.BigDecimal;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** What servers answer when they do answer: proper, fenced, chatty, empty or cut off. */
class ServerAnswersTest {
    private static final String LOGS_FIRST = "[WORKS] Logs first: Read the service logs before changing anything.";

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @Test
    void aProperJsonSchemaAnswerBecomesStoredRules_askedAsOpenAiExpects() throws Exception {
        Rule existing = Evidence.firstRule();
        server.enqueue(answer(operations(
                add("Logs first", "Read the service logs before changing anything.", "works", "ok-1"),
                agree(existing.id(), "ok-1"))));

        Consolidation result = Endpoint.consolidate(Endpoint.consolidator(server), Evidence.input());

        assertThat(Outcomes.storedByModel(result, LOGS_FIRST))
                .filteredOn(r -> r.id().equals(existing.id())).singleElement()
                .satisfies(r -> assertThat(r.importance()).isEqualTo(existing.importance() + 1));
        assertThat(server.getRequestCount()).isEqualTo(1);
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + Endpoint.KEY);
        JsonObject body = Endpoint.requestBody(request);
        assertThat(body.get("model")).isEqualTo(new JsonString("test-model"));
        assertThat(((JsonNumber) body.get("temperature")).value()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(((JsonNumber) body.get("max_tokens")).value()).isEqualByComparingTo(BigDecimal.valueOf(1200));
        JsonObject format = (JsonObject) body.get("response_format");
        assertThat(format.get("type")).isEqualTo(new JsonString("json_schema"));
        JsonObject schema = (JsonObject) ((JsonObject) format.get("json_schema")).get("schema");
        assertThat(schema.get("type")).isEqualTo(new JsonString("object"));
        assertThat(((JsonArray) body.get("messages")).size()).isEqualTo(2);
    }

    @Test
    void jsonInsideMarkdownFences_asOllamaAndSmallModelsWriteIt() {
        server.enqueue(answer("Here are the changes:\n```json\n"
                + operations(add("Logs first", "Read the service logs before changing anything.", "works", "ok-1")) + "\n```\n"));

        Outcomes.storedByModel(Endpoint.consolidate(Endpoint.consolidator(server), Evidence.input()), LOGS_FIRST);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void proseAroundTheJson() {
        server.enqueue(answer("Sure! Looking at the episodes, the successful run read the logs {first}. "
                + operations(add("Logs first", "Read the service logs before changing anything.", "works", "ok-1"))
                + " I hope this helps."));

        Outcomes.storedByModel(Endpoint.consolidate(Endpoint.consolidator(server), Evidence.input()), LOGS_FIRST);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void anEmptyChoicesListFallsBack() {
        server.enqueue(Endpoint.json(200, JsonObject.builder().put("id", "x").put("choices", JsonArray.EMPTY).build()));

        Outcomes.fellBack(Endpoint.consolidate(Endpoint.consolidator(server), Evidence.input()), "no choices");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void anAnswerWithoutJsonFallsBack() {
        server.enqueue(answer("I cannot help with that."));

        Outcomes.fellBack(Endpoint.consolidate(Endpoint.consolidator(server), Evidence.input()), "no JSON");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aTruncatedBodyFallsBack() {
        // a proxy or a crashed worker ends the reply half-way: complete headers, half of the JSON, then the end
        String half = "{\"id\":\"chatcmpl-1\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"{\\\"operations\\\": [";
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json").body(half).build());

        Outcomes.fellBack(Endpoint.consolidate(Endpoint.consolidator(server), Evidence.input()), "not complete JSON");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aConnectionDroppedMidBodyIsRetried_thenSucceeds() {
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json")
                .body("{\"id\":\"chatcmpl-1\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + "x".repeat(4000) + "\"}}]}")
                .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE)
                .build());
        server.enqueue(answer(operations(add("Logs first", "Read the service logs before changing anything.", "works", "ok-1"))));

        Outcomes.storedByModel(Endpoint.consolidate(Endpoint.consolidator(server), Evidence.input()), LOGS_FIRST);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aReplyThatIsNotAChatCompletionFallsBack() {
        // some proxies answer 200 with an error object instead of a status
        server.enqueue(Endpoint.json(200, JsonObject.builder().put("error", "upstream timed out").build()));

        Outcomes.fellBack(Endpoint.consolidate(Endpoint.consolidator(server), Evidence.input()), "no choices");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }
}
