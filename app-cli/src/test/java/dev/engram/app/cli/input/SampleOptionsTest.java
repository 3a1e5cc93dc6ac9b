package dev.engram.app.cli.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.Violation;
import dev.engram.domain.replay.ReplayPreset;
import dev.engram.domain.replay.ReplayStrategy;
import dev.engram.domain.replay.SampleRequest;
import dev.engram.domain.trajectory.Outcome;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A preset first, explicit flags on top; uniform without either; every bad component named at once. */
class SampleOptionsTest {
    private static SampleOptions options(int n, ReplayPreset preset, ReplayStrategy strategy, Double alpha, Double beta) {
        return new SampleOptions(n, preset, strategy, alpha, beta, null, null, null, false, null);
    }

    @Test
    void withoutPresetOrStrategyTheDrawIsUniformWithTheDefaults() {
        SampleRequest request = options(8, null, null, null, null).request();
        assertThat(request.strategy()).isEqualTo(ReplayStrategy.UNIFORM);
        assertThat(request.alpha()).isEqualTo(SampleRequest.DEFAULT_ALPHA);
        assertThat(request.beta()).isEqualTo(SampleRequest.DEFAULT_BETA);
        assertThat(request.halfLife()).isEqualTo(SampleRequest.DEFAULT_HALF_LIFE);
        assertThat(request.withReplacement()).isFalse();
    }

    @Test
    void aPresetSetsStrategyAndExponents_andExplicitFlagsOverrideThem() {
        SampleRequest hard = options(8, ReplayPreset.PRIORITIZED, null, null, null).request();
        assertThat(hard.strategy()).isEqualTo(ReplayStrategy.PRIORITIZED);
        assertThat(hard.alpha()).isEqualTo(0.8);
        assertThat(hard.beta()).isEqualTo(0.6);
        SampleRequest annealed = options(8, ReplayPreset.STABLE, null, null, 1.0).request();
        assertThat(annealed.alpha()).isEqualTo(0.6);
        assertThat(annealed.beta()).isEqualTo(1.0);
        SampleRequest mixed = options(8, ReplayPreset.PRIORITIZED, ReplayStrategy.MIXED, null, null).request();
        assertThat(mixed.strategy()).isEqualTo(ReplayStrategy.MIXED);
        assertThat(mixed.alpha()).as("the preset's alpha stays").isEqualTo(0.8);
    }

    @Test
    void filtersAndTheOtherComponentsArePassedOn() {
        Filters filters = new Filters();
        filters.agent = "builder_agent";
        filters.outcome = Outcome.FAILURE;
        SampleRequest request = new SampleOptions(4, null, ReplayStrategy.BALANCED, null, null, Duration.ofDays(3), 0.25,
                ReplayStrategy.PRIORITIZED, true, filters).request();
        assertThat(request.halfLife()).isEqualTo(Duration.ofDays(3));
        assertThat(request.mix()).isEqualTo(0.25);
        assertThat(request.within()).isEqualTo(ReplayStrategy.PRIORITIZED);
        assertThat(request.withReplacement()).isTrue();
        assertThat(request.filter().agentId()).isEqualTo("builder_agent");
        assertThat(request.filter().outcome()).isEqualTo(Outcome.FAILURE);
    }

    @Test
    void everyBadComponentIsReportedTogether() {
        assertThatThrownBy(() -> options(0, ReplayPreset.STABLE, null, -1.0, 2.0).request())
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("n", "alpha", "beta"));
    }
}
