package dev.engram.domain.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.domain.error.DomainException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EpisodeTest {
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void absentPartsTakeTheSeedsDefaults() {
        Episode episode = new Episode("t1", null, 0.5, 0, null, null, null, null, NOW);
        assertThat(episode.taskId()).isEqualTo(Episode.UNKNOWN_TASK);
        assertThat(episode.summary()).isEmpty();
        assertThat(episode.mistakes()).isEmpty();
        assertThat(episode.successes()).isEmpty();
        assertThat(episode.mistakeCards()).isEmpty();
    }

    @Test
    void theScoreIsAFraction() {
        assertField(() -> new Episode("t1", "deploy", 1.5, 0, "", List.of(), List.of(), List.of(), NOW), "score");
        assertField(() -> new Episode("t1", "deploy", Double.NaN, 0, "", List.of(), List.of(), List.of(), NOW),
                "score");
    }

    @Test
    void otherBadPartsNameTheirField() {
        assertField(() -> new Episode(" ", "deploy", 1, 0, "", List.of(), List.of(), List.of(), NOW), "trajectoryId");
        assertField(() -> new Episode("t1", "", 1, 0, "", List.of(), List.of(), List.of(), NOW), "taskId");
        assertField(() -> new Episode("t1", "deploy", 1, -1, "", List.of(), List.of(), List.of(), NOW), "steps");
        assertField(() -> new Episode("t1", "deploy", 1, 0, "", Arrays.asList("a", null), List.of(), List.of(), NOW),
                "mistakes[1]");
        assertField(() -> new Episode("t1", "deploy", 1, 0, "", List.of(), List.of(), List.of(), null), "recordedAt");
    }

    private static void assertField(Runnable construction, String field) {
        assertThatThrownBy(construction::run)
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
