package dev.engram.json.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import dev.engram.json.views.ErrorView;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PriorityLinesTest {
    private static PriorityLines check(String text) {
        return PriorityLines.check(InputItems.readAll(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 10_000, 100, n -> new IllegalStateException("more than " + n)));
    }

    @Test
    void theLatestLossOfAnIdWins() {
        PriorityLines lines = check("{\"trajectory_id\": \"a\", \"loss\": 1}\n{\"trajectory_id\": \"b\", \"loss\": 0}\n"
                + "{\"trajectory_id\": \"a\", \"loss\": 0.25}\n");
        assertThat(lines.problems()).isEmpty();
        assertThat(lines.losses()).containsExactly(entry("b", 0.0), entry("a", 0.25));
    }

    @Test
    void everyProblemIsNamedByItsLineAndField() {
        PriorityLines lines = check("{\"trajectory_id\": \"ok\", \"loss\": 1}\n{\"trajectory_id\": \"bad id!\", \"loss\": \"high\"}\n"
                + "not json\n{\"loss\": 1, \"why\": 2}\n");
        assertThat(lines.problems()).extracting(ErrorView.Detail::line, ErrorView.Detail::field)
                .containsExactly(tuple(2L, "trajectory_id"), tuple(2L, "loss"),
                        tuple(3L, ""), tuple(4L, "why"),
                        tuple(4L, "trajectory_id"));
    }
}
