package dev.engram.adapters.llm;

import static dev.engram.adapters.llm.Endpoint.add;
import static dev.engram.adapters.llm.Endpoint.answer;
import static dev.engram.adapters.llm.Endpoint.operations;
import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.JsonString;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Servers that say no: an unsupported response_format, a bad key, rate limits, errors, and a dead endpoint. */
class ServerRefusalsTest {
    private static final String RULE = "[WORKS] Logs first: Read the service logs before changing anything.";

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private static MockResponse goodAnswer() {
        return answer(operations(add("Logs first", "Read the service logs before changing anything.", "works", "ok-1")));
    }

    @Test
    void a400ForJsonSchemaStepsDownToJsonObject_andTheNextConsolidationAsksThatWayAtOnce() throws Exception {
        // as Groq and older llama.cpp servers answer a json_schema they do not support
        server.enqueue(Endpoint.error(400, "response_format `json_schema` is not supported by this model"));
        server.enqueue(goodAnswer());
        server.enqueue(goodAnswer());
        OpenAiConsolidator consolidator = Endpoint.consolidator(server);

        Outcomes.storedByModel(Endpoint.consolidate(consolidator, Evidence.input()), RULE);
        Outcomes.storedByModel(Endpoint.consolidate(consolidator, Evidence.input()), RULE);

        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(formatOf(server.takeRequest().getBody().utf8())).isEqualTo("json_schema");
        assertThat(formatOf(server.takeRequest().getBody().utf8())).isEqualTo("json_object");
        assertThat(formatOf(server.takeRequest().getBody().utf8())).isEqualTo("json_object");
    }

    @Test
    void aServerRefusingBothFormatsIsAskedWithoutOne() throws Exception {
        // LM Studio refuses json_object ("must be 'json_schema' or 'text'"), others refuse json_schema
        server.enqueue(Endpoint.error(400, "Invalid schema for response_format"));
        server.enqueue(Endpoint.error(400, "'response_format.type' must be 'json_schema' or 'text'"));
        server.enqueue(answer("```\n" + operations(add("Logs first", "Read the service logs before changing anything.", "works", "ok-1")) + "\n```"));

        Outcomes.storedByModel(Endpoint.consolidate(Endpoint.consolidator(server), Evidence.input()), RULE);

        assertThat(server.getRequestCount()).isEqualTo(3);
        server.takeRequest();
        server.takeRequest();
        assertThat(Endpoint.requestBody(server.takeRequest()).has("response_format")).isFalse();
    }

    @Test
    void a400ForAnythingElseFallsBackWithoutRetrying() {
        server.enqueue(Endpoint.error(400, "model 'nope' not found, try pulling it first"));

        Outcomes.fellBack(Endpoint.consolidate(Endpoint.consolidator(server), Evidence.input()), "400: model 'nope' not found");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void a401FallsBackAtOnce_sayingWhichSettingToCheck() {
        server.enqueue(Endpoint.error(401, "Incorrect API key provided"));

        Outcomes.fellBack(Endpoint.consolidate(Endpoint.consolidator(server), Evidence.input()), "openai.api_key_env");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void a429WithRetryAfterIsWaitedOut_thenSucceeds() {
        server.enqueue(new MockResponse.Builder(Endpoint.error(429, "Rate limit reached")).setHeader("Retry-After", "1").build());
        server.enqueue(goodAnswer());

        long started = System.nanoTime();
        Outcomes.storedByModel(Endpoint.consolidate(Endpoint.consolidator(server), Evidence.input()), RULE);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void a429AskingToWaitLongerThanTheBackoffCapFallsBackAtOnce() {
        server.enqueue(new MockResponse.Builder(Endpoint.error(429, "Rate limit reached")).setHeader("Retry-After", "3600").build());

        Outcomes.fellBack(Endpoint.consolidate(Endpoint.consolidator(server), Evidence.input()), "asks to wait 3600s");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void a500ThenSuccess() {
        server.enqueue(Endpoint.error(500, "upstream worker crashed"));
        server.enqueue(goodAnswer());

        Outcomes.storedByModel(Endpoint.consolidate(Endpoint.consolidator(server), Evidence.input()), RULE);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void fivexxUntilTheRetriesAreSpentFallsBack_andOpensTheCircuitSoTheNextConsolidationCostsNoRequest() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(Endpoint.error(503, "overloaded"));
        }
        server.enqueue(goodAnswer());
        OpenAiConsolidator consolidator = Endpoint.consolidator(server);

        Outcomes.fellBack(Endpoint.consolidate(consolidator, Evidence.input()), "503: overloaded (3 attempts)");
        assertThat(server.getRequestCount()).isEqualTo(3);

        Outcomes.fellBack(Endpoint.consolidate(consolidator, Evidence.input()), "tried again in");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aDeadEndpointCostsOneFastFailure() throws Exception {
        String url = server.url("/v1").toString();
        server.close(); // nothing listens on the port any more
        JsonObject settings = JsonObject.builder().put("base_url", url).put("api_key_env", Endpoint.KEY_VARIABLE)
                .put("overall_timeout", "10s").put("backoff", "10ms").build();
        OpenAiConsolidator consolidator = Endpoint.consolidator(settings);

        long started = System.nanoTime();
        Outcomes.fellBack(Endpoint.consolidate(consolidator, Evidence.input()), "cannot connect");
        Outcomes.fellBack(Endpoint.consolidate(consolidator, Evidence.input()), "tried again in");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    private static String formatOf(String body) {
        JsonObject request = (JsonObject) dev.engram.json.JsonCodec.instance().parse(body);
        return ((JsonString) ((JsonObject) request.get("response_format")).get("type")).value();
    }
}
