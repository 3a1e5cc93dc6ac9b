package dev.engram.adapters.llm;

import static dev.engram.adapters.llm.Endpoint.add;
import static dev.engram.adapters.llm.Endpoint.answer;
import static dev.engram.adapters.llm.Endpoint.operations;
import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.application.port.out.Consolidation;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** With {@code concurrency: 1}, a second consolidation waits for the first call instead of opening another. */
class ConcurrencyLimitTest {
    @StartStop
    private final MockWebServer server = new MockWebServer();

    @Test
    void oneCallInFlightAtATime() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                release.await(10, TimeUnit.SECONDS); // holds the answer until the test has looked
                return answer(operations(add("Logs first", "Read the service logs before changing anything.", "works", "ok-1")));
            }
        });
        OpenAiConsolidator consolidator = Endpoint.consolidator(Endpoint.settings(server)
                .put("concurrency", 1L).put("read_timeout", "10s").put("overall_timeout", "20s").build());

        Mono<Consolidation> first = consolidator.consolidate(Evidence.input()).cache();
        Mono<Consolidation> second = consolidator.consolidate(Evidence.input()).cache();
        first.subscribe();
        second.subscribe();

        assertThat(server.takeRequest(5, TimeUnit.SECONDS)).isNotNull();
        assertThat(server.takeRequest(300, TimeUnit.MILLISECONDS)).as("a second request while the first is in flight").isNull();
        release.countDown();

        assertThat(first.block(Duration.ofSeconds(10)).source()).isEqualTo(OpenAiConsolidator.NAME);
        assertThat(second.block(Duration.ofSeconds(10)).source()).isEqualTo(OpenAiConsolidator.NAME);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }
}
