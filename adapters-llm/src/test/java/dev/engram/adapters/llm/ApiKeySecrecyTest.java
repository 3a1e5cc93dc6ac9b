package dev.engram.adapters.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.application.config.ConfigSection;
import dev.engram.application.port.out.Consolidation;
import dev.engram.domain.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The key goes into the Authorization header and nowhere else: not into any log line (slf4j-simple writes every
 * level to stderr in these tests, OkHttp logs through java.util.logging; both are captured), and not into any
 * reason a report shows — even when the server quotes the key back in its error.
 */
class ApiKeySecrecyTest {
    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final List<String> julRecords = new ArrayList<>();
    private final Handler julCapture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            julRecords.add(record.getLoggerName() + " " + record.getMessage() + " " + record.getThrown());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private PrintStream originalErr;

    @BeforeEach
    void capture() {
        originalErr = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        java.util.logging.Logger.getLogger("").addHandler(julCapture);
        java.util.logging.Logger.getLogger("okhttp3").setLevel(Level.ALL);
    }

    @AfterEach
    void release() {
        System.setErr(originalErr);
        java.util.logging.Logger.getLogger("").removeHandler(julCapture);
    }

    @Test
    void theKeyIsSentButNeverLoggedNorShown_evenWhenTheServerEchoesIt() throws Exception {
        server.enqueue(Endpoint.error(401, "Incorrect API key provided: " + Endpoint.KEY + ". You can find your key at ..."));
        server.enqueue(Endpoint.error(500, "internal error while checking " + Endpoint.KEY));
        server.enqueue(Endpoint.error(400, "bad request from key " + Endpoint.KEY));
        server.enqueue(new MockResponse.Builder(Endpoint.error(429, "slow down, " + Endpoint.KEY)).setHeader("Retry-After", "9999").build());
        server.enqueue(Endpoint.answer("not json, but here is your key: " + Endpoint.KEY));
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            // a fresh consolidator each time, so that the circuit opened by one failure does not hide the next
            Consolidation result = Endpoint.consolidate(Endpoint.consolidator(Endpoint.settings(server).put("max_retries", 0L).build()),
                    Evidence.input());
            reasons.add(result.fallbackReason());
        }

        assertThat(server.getRequestCount()).isEqualTo(5);
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + Endpoint.KEY);
        assertThat(reasons).doesNotContainNull().noneMatch(reason -> reason.contains(Endpoint.KEY));
        String logs = stderr.toString(StandardCharsets.UTF_8);
        assertThat(logs).contains("fell back to the heuristic").doesNotContain(Endpoint.KEY);
        assertThat(julRecords).noneMatch(line -> line.contains(Endpoint.KEY));
        assertThat(Endpoint.consolidator(server).toString() + OpenAiConfig.defaults()).doesNotContain(Endpoint.KEY);
    }

    @Test
    void aKeyPastedWhereTheVariableNameGoesIsRefusedWithoutBeingRepeated() {
        ConfigSection section = new ConfigSection(OpenAiConfig.SECTION, JsonObject.builder().put("api_key_env", Endpoint.KEY).build());

        assertThatThrownBy(() -> OpenAiConfig.from(section))
                .hasMessageContaining("NAME of an environment variable")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(Endpoint.KEY));
    }
}
