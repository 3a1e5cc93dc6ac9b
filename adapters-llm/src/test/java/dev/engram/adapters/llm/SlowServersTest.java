package dev.engram.adapters.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Servers that are slow rather than wrong: one that never answers, one that trickles its answer. */
class SlowServersTest {
    @StartStop
    private final MockWebServer server = new MockWebServer();

    @Test
    void aReplyThatNeverComesTimesOutEachAttempt_thenFallsBack() {
        // a model loading into memory, or a proxy that accepted the connection and hangs: headers never come
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        OpenAiConsolidator consolidator = Endpoint.consolidator(Endpoint.settings(server)
                .put("read_timeout", "300ms").put("max_retries", 1L).put("overall_timeout", "5s").build());

        long started = System.nanoTime();
        Outcomes.fellBack(Endpoint.consolidate(consolidator, Evidence.input()), "did not answer in time (2 attempts)");

        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void aReplyThatTricklesIsCutByTheOverallTimeout_evenThoughEveryReadGetsBytes() {
        // each read gets bytes well inside read_timeout, so only the overall bound can end it; MockWebServer
        // throttles the request too, so the rate lets our request in within a few hundred milliseconds
        String slow = "{\"choices\":[{\"message\":{\"content\":\"" + "x".repeat(30_000) + "\"}}]}";
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json").body(slow)
                .throttleBody(1024, 100, TimeUnit.MILLISECONDS).build());
        OpenAiConsolidator consolidator = Endpoint.consolidator(Endpoint.settings(server)
                .put("read_timeout", "1s").put("overall_timeout", "1500ms").build());

        long started = System.nanoTime();
        Outcomes.fellBack(Endpoint.consolidate(consolidator, Evidence.input()), "no complete answer within openai.overall_timeout");

        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
    }
}
