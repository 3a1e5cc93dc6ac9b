package dev.engram.domain.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import dev.engram.domain.error.Violation;
import org.junit.jupiter.api.Test;

class MemoryPolicyTest {

    @Test
    void theDefaultsAreTheSeedsConstants() {
        MemoryPolicy policy = MemoryPolicy.defaults();
        assertThat(policy.rulesPerTask()).isEqualTo(10);
        assertThat(policy.globalRules()).isEqualTo(20);
        assertThat(policy.worksThreshold()).isEqualTo(0.85);
        assertThat(policy.avoidThreshold()).isEqualTo(0.5);
        assertThat(policy.episodeLogSize()).isEqualTo(100);
        assertThat(policy.mistakeCardsKept()).isEqualTo(30);
        assertThat(policy.cardTextLimit()).isEqualTo(300);
        assertThat(policy.consolidateEvery()).isEqualTo(20);
        assertThat(policy.highScoreThreshold()).isEqualTo(0.85);
        assertThat(policy.consolidatedSummaryLimit()).isEqualTo(120);
        assertThat(policy.rulesShown()).isEqualTo(5);
        assertThat(policy.mistakesShown()).isEqualTo(3);
        assertThat(policy.cardsShown()).isEqualTo(3);
        assertThat(policy.recentEpisodesShown()).isEqualTo(3);
        assertThat(policy.episodeSummaryLimit()).isEqualTo(100);
        assertThat(policy.mistakesKept()).isEqualTo(1000);
        assertThat(policy.successesKept()).isEqualTo(1000);
        assertThat(policy.contextTokenBudget()).isEqualTo(500);
    }

    @Test
    void aBadValueIsReportedWithItsField() {
        assertThatThrownBy(() -> MemoryPolicy.builder().rulesPerTask(0).build())
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                    assertThat(e.field()).isEqualTo("rulesPerTask");
                    assertThat(e.getMessage()).isEqualTo("rulesPerTask: must be at least 1, got 0");
                });
    }

    @Test
    void thresholdsMustBeFractions() {
        assertThatThrownBy(() -> MemoryPolicy.builder().worksThreshold(Double.NaN).build())
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("worksThreshold"));
        assertThatThrownBy(() -> MemoryPolicy.builder().avoidThreshold(1.5).build())
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("avoidThreshold: must be between 0 and 1, got 1.5"));
    }

    @Test
    void everyBadValueIsReportedNotOnlyTheFirst() {
        assertThatThrownBy(() -> MemoryPolicy.builder().episodeLogSize(0).mistakeCardsKept(-1)
                .highScoreThreshold(-0.1).contextTokenBudget(0).build())
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("4 problems in the memory policy");
                    assertThat(e.violations()).extracting(Violation::field).containsExactly(
                            "episodeLogSize", "mistakeCardsKept", "highScoreThreshold", "contextTokenBudget");
                });
    }

    @Test
    void shownCountsMayBeZero() {
        MemoryPolicy quiet = MemoryPolicy.builder().rulesShown(0).mistakesShown(0).cardsShown(0)
                .recentEpisodesShown(0).build();
        assertThat(quiet.rulesShown()).isZero();
    }

    @Test
    void toBuilderKeepsEveryValue() {
        MemoryPolicy custom = MemoryPolicy.builder().rulesPerTask(3).globalRules(4).worksThreshold(0.9)
                .avoidThreshold(0.2).episodeLogSize(7).mistakesKept(8).successesKept(9).mistakeCardsKept(10)
                .cardTextLimit(11).scoreWindow(12).trajectoryIdsPerRule(13).consolidateEvery(14)
                .highScoreThreshold(0.95).consolidatedSummaryLimit(15).rulesShown(1).mistakesShown(2).cardsShown(3)
                .recentEpisodesShown(4).episodeSummaryLimit(16).contextTokenBudget(17).build();
        assertThat(custom.toBuilder().build()).isEqualTo(custom);
    }
}
