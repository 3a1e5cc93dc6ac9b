package dev.engram.app.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.domain.json.JsonArray;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.JsonString;
import dev.engram.domain.json.JsonValue;
import dev.engram.domain.trajectory.ReadContext;
import dev.engram.domain.trajectory.TrajectoryReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoWorkloadTest {
    private static final Instant END = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void theSameSeedGivesTheSameRuns() {
        assertThat(DemoWorkload.runs(END)).isEqualTo(DemoWorkload.runs(END)).hasSize(DemoWorkload.RUNS);
    }

    @Test
    void everyRunIsValidAndTheWorkloadIsVaried() {
        List<JsonObject> runs = DemoWorkload.runs(END);
        TrajectoryReader reader = TrajectoryReader.withDefaults();
        ReadContext context = new ReadContext(END, () -> "unused", null);
        assertThat(runs).allSatisfy(run -> assertThat(reader.read(run, context).violations()).isEmpty());
        assertThat(count(runs, r -> text(r, "agent_id"))).hasSize(3);
        assertThat(count(runs, r -> text(r, "domain"))).containsOnlyKeys("code", "ops", "support");
        assertThat(count(runs, r -> text(r, "final_outcome"))).containsOnlyKeys("success", "partial", "failure")
                .allSatisfy((outcome, n) -> assertThat(n).isGreaterThan(10));
        Map<String, Long> cards = runs.stream()
                .flatMap(r -> ((JsonArray) ((JsonObject) r.get("reflection")).get("mistake_cards")).elements().stream())
                .collect(Collectors.groupingBy(card -> text((JsonObject) card, "mistake_type"), Collectors.counting()));
        assertThat(cards.values()).as("cards recur, so that they merge").anySatisfy(n -> assertThat(n).isGreaterThan(3));
    }

    private static Map<String, Long> count(List<JsonObject> runs, Function<JsonObject, String> key) {
        return runs.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }

    private static String text(JsonObject object, String key) {
        JsonValue value = object.get(key);
        return ((JsonString) value).value();
    }
}
