package dev.engram.domain.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.domain.error.DomainException;
import dev.engram.domain.trajectory.MistakeCard;
import dev.engram.domain.trajectory.Outcome;
import dev.engram.domain.trajectory.Reflection;
import dev.engram.domain.trajectory.Trajectory;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EpisodeTest {
    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void immutableListsAreAccepted() {
        // a Reflection holds List.copyOf lists, whose indexOf(null) throws: every recorded reflection passes here
        Trajectory t = Trajectory.builder().trajectoryId("t1").agentId("a").taskId("deploy").finalOutcome(Outcome.FAILURE)
                .reward(0.2).createdAt(AT)
                .reflection(new Reflection("went wrong", List.of("Skipped the canary"), List.of("Paged early"),
                        List.of(new MistakeCard("skip", null, null, null, null, null, null))))
                .build();
        Episode episode = TrajectoryEpisodes.from(t);
        assertThat(episode.mistakes()).containsExactly("Skipped the canary");
        assertThat(episode.mistakeCards()).hasSize(1);
    }

    @Test
    void aNullElementIsNamedByItsIndex() {
        assertThatThrownBy(() -> new Episode("t1", "deploy", 0.5, 1, "", Arrays.asList("a", null), List.of(), List.of(), AT))
                .isInstanceOf(DomainException.class).hasMessage("mistakes[1]: must not be null");
    }
}
