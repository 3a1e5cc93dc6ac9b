package dev.engram.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.JsonString;
import dev.engram.json.JsonCodec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessLogTest {
    @Test
    void everyLineQueuedBeforeCloseIsWrittenInOrderAndLinesAfterItGoStraightOut() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AccessLog log = new AccessLog(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, true);
        for (int i = 0; i < 50_000; i++) {
            log.request("id-" + i, "GET", "/v1/stats", "/v1/stats", 200, 1_234_567, "k1", "team");
        }
        log.close();
        log.event("info", "after close");
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(50_001);
        for (int i = 0; i < 50_000; i++) {
            assertThat(lines.get(i)).endsWith(" GET /v1/stats 200 1.2ms id=id-" + i + " key=k1 ns=team");
        }
        assertThat(lines.get(50_000)).endsWith(" info after close");
    }

    @Test
    void withRequestLinesOffOnlyTheServersEventsAreWritten() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AccessLog log = new AccessLog(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, false);
        log.request("r1", "GET", "/v1/stats", "/v1/stats", 200, 1_000_000, "k1", "team");
        log.event("info", "listening");
        log.close();
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList()).singleElement().satisfies(l -> assertThat(l).endsWith(" info listening"));
    }

    @Test
    void jsonLinesParseAndTheirTimeIsAnInstantToTheMillisecond() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AccessLog log = new AccessLog(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, true);
        Instant before = Instant.now();
        log.request("r1", "POST", "/v1/trajectories", "/v1/trajectories", 201, 2_500_000, null, null);
        log.close();
        JsonObject line = (JsonObject) JsonCodec.instance().parse(bytes.toString(StandardCharsets.UTF_8).strip());
        assertThat(((JsonString) line.get("request_id")).value()).isEqualTo("r1");
        assertThat(line.get("key_id")).as("no key, no key field").isNull();
        String time = ((JsonString) line.get("time")).value();
        assertThat(time).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(Duration.between(before, Instant.parse(time)).abs()).isLessThan(Duration.ofSeconds(5));
    }
}
