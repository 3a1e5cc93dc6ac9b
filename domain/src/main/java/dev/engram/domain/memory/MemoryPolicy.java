package dev.engram.domain.memory;

import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import dev.engram.domain.error.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * Every threshold and cap of an agent's memory. The defaults are seed 004's constants (and, where the seed has no
 * cap, a bound chosen here); every value is checked when the policy is built, and a failure names the component.
 *
 * @param rulesPerTask             rules kept per task ({@code MAX_RULES_PER_TASK})
 * @param globalRules              rules kept for all tasks ({@code MAX_RULES_PER_TASK * 2})
 * @param worksThreshold           an episode scoring at least this turns its successes into [WORKS] rules
 * @param avoidThreshold           an episode scoring below this turns its mistakes into [AVOID] rules
 * @param episodeLogSize           recent episodes kept ({@code MAX_EPISODES_STORED})
 * @param mistakesKept             distinct mistake texts kept, oldest dropped first (the seed keeps all)
 * @param successesKept            distinct success texts kept, oldest dropped first (the seed keeps all)
 * @param mistakeCardsKept         structured mistake cards kept
 * @param cardTextLimit            code points kept of a card's evidence and lesson
 * @param scoreWindow              recent scores kept per task beside the running count and sum
 * @param trajectoryIdsPerRule     trajectory ids kept per rule as its evidence, most recent first dropped last
 * @param consolidateEvery         episodes between consolidations ({@code CONSOLIDATION_EVERY})
 * @param highScoreThreshold       a logged episode scoring at least this becomes a [HIGH SCORE] rule on consolidation
 * @param consolidatedSummaryLimit code points of an episode summary kept in a [HIGH SCORE] rule
 * @param rulesShown               rules shown per rule section of the context ({@code max_rules})
 * @param mistakesShown            most recent mistakes shown in the context
 * @param cardsShown               strongest mistake cards shown in the context
 * @param recentEpisodesShown      recent episodes of the task shown in the context ({@code max_recent})
 * @param episodeSummaryLimit      code points of an episode summary shown in the context
 * @param contextTokenBudget       default token budget of a rendered context
 */
public record MemoryPolicy(
        int rulesPerTask,
        int globalRules,
        double worksThreshold,
        double avoidThreshold,
        int episodeLogSize,
        int mistakesKept,
        int successesKept,
        int mistakeCardsKept,
        int cardTextLimit,
        int scoreWindow,
        int trajectoryIdsPerRule,
        int consolidateEvery,
        double highScoreThreshold,
        int consolidatedSummaryLimit,
        int rulesShown,
        int mistakesShown,
        int cardsShown,
        int recentEpisodesShown,
        int episodeSummaryLimit,
        int contextTokenBudget) {

    private static final MemoryPolicy DEFAULTS = builder().build();

    public MemoryPolicy {
        List<Violation> violations = new ArrayList<>();
        atLeast(violations, "rulesPerTask", rulesPerTask, 1);
        atLeast(violations, "globalRules", globalRules, 1);
        fraction(violations, "worksThreshold", worksThreshold);
        fraction(violations, "avoidThreshold", avoidThreshold);
        atLeast(violations, "episodeLogSize", episodeLogSize, 1);
        atLeast(violations, "mistakesKept", mistakesKept, 1);
        atLeast(violations, "successesKept", successesKept, 1);
        atLeast(violations, "mistakeCardsKept", mistakeCardsKept, 1);
        atLeast(violations, "cardTextLimit", cardTextLimit, 1);
        atLeast(violations, "scoreWindow", scoreWindow, 1);
        atLeast(violations, "trajectoryIdsPerRule", trajectoryIdsPerRule, 1);
        atLeast(violations, "consolidateEvery", consolidateEvery, 1);
        fraction(violations, "highScoreThreshold", highScoreThreshold);
        atLeast(violations, "consolidatedSummaryLimit", consolidatedSummaryLimit, 1);
        atLeast(violations, "rulesShown", rulesShown, 0);
        atLeast(violations, "mistakesShown", mistakesShown, 0);
        atLeast(violations, "cardsShown", cardsShown, 0);
        atLeast(violations, "recentEpisodesShown", recentEpisodesShown, 0);
        atLeast(violations, "episodeSummaryLimit", episodeSummaryLimit, 1);
        atLeast(violations, "contextTokenBudget", contextTokenBudget, 1);
        if (violations.size() == 1) {
            throw DomainException.invalidArgument(violations.get(0).field(), violations.get(0).message());
        }
        if (!violations.isEmpty()) {
            throw new DomainException(ErrorCode.INVALID_ARGUMENT,
                    violations.size() + " problems in the memory policy", violations);
        }
    }

    /** The seed's values. */
    public static MemoryPolicy defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this policy's values, to change a few of them. */
    public Builder toBuilder() {
        return new Builder()
                .rulesPerTask(rulesPerTask).globalRules(globalRules)
                .worksThreshold(worksThreshold).avoidThreshold(avoidThreshold)
                .episodeLogSize(episodeLogSize).mistakesKept(mistakesKept).successesKept(successesKept)
                .mistakeCardsKept(mistakeCardsKept).cardTextLimit(cardTextLimit).scoreWindow(scoreWindow)
                .trajectoryIdsPerRule(trajectoryIdsPerRule).consolidateEvery(consolidateEvery)
                .highScoreThreshold(highScoreThreshold).consolidatedSummaryLimit(consolidatedSummaryLimit)
                .rulesShown(rulesShown).mistakesShown(mistakesShown).cardsShown(cardsShown)
                .recentEpisodesShown(recentEpisodesShown).episodeSummaryLimit(episodeSummaryLimit)
                .contextTokenBudget(contextTokenBudget);
    }

    private static void atLeast(List<Violation> violations, String field, int value, int minimum) {
        if (value < minimum) {
            violations.add(new Violation(field, "must be at least " + minimum + ", got " + value));
        }
    }

    private static void fraction(List<Violation> violations, String field, double value) {
        if (!(value >= 0.0 && value <= 1.0)) { // also rejects NaN
            violations.add(new Violation(field, "must be between 0 and 1, got " + value));
        }
    }

    /** Starts from the defaults; {@link #build()} validates. */
    public static final class Builder {
        private int rulesPerTask = 10;
        private int globalRules = 20;
        private double worksThreshold = 0.85;
        private double avoidThreshold = 0.5;
        private int episodeLogSize = 100;
        private int mistakesKept = 1000;
        private int successesKept = 1000;
        private int mistakeCardsKept = 30;
        private int cardTextLimit = 300;
        private int scoreWindow = 20;
        private int trajectoryIdsPerRule = 10;
        private int consolidateEvery = 20;
        private double highScoreThreshold = 0.85;
        private int consolidatedSummaryLimit = 120;
        private int rulesShown = 5;
        private int mistakesShown = 3;
        private int cardsShown = 3;
        private int recentEpisodesShown = 3;
        private int episodeSummaryLimit = 100;
        private int contextTokenBudget = 500;

        private Builder() {
        }

        public Builder rulesPerTask(int value) {
            rulesPerTask = value;
            return this;
        }

        public Builder globalRules(int value) {
            globalRules = value;
            return this;
        }

        public Builder worksThreshold(double value) {
            worksThreshold = value;
            return this;
        }

        public Builder avoidThreshold(double value) {
            avoidThreshold = value;
            return this;
        }

        public Builder episodeLogSize(int value) {
            episodeLogSize = value;
            return this;
        }

        public Builder mistakesKept(int value) {
            mistakesKept = value;
            return this;
        }

        public Builder successesKept(int value) {
            successesKept = value;
            return this;
        }

        public Builder mistakeCardsKept(int value) {
            mistakeCardsKept = value;
            return this;
        }

        public Builder cardTextLimit(int value) {
            cardTextLimit = value;
            return this;
        }

        public Builder scoreWindow(int value) {
            scoreWindow = value;
            return this;
        }

        public Builder trajectoryIdsPerRule(int value) {
            trajectoryIdsPerRule = value;
            return this;
        }

        public Builder consolidateEvery(int value) {
            consolidateEvery = value;
            return this;
        }

        public Builder highScoreThreshold(double value) {
            highScoreThreshold = value;
            return this;
        }

        public Builder consolidatedSummaryLimit(int value) {
            consolidatedSummaryLimit = value;
            return this;
        }

        public Builder rulesShown(int value) {
            rulesShown = value;
            return this;
        }

        public Builder mistakesShown(int value) {
            mistakesShown = value;
            return this;
        }

        public Builder cardsShown(int value) {
            cardsShown = value;
            return this;
        }

        public Builder recentEpisodesShown(int value) {
            recentEpisodesShown = value;
            return this;
        }

        public Builder episodeSummaryLimit(int value) {
            episodeSummaryLimit = value;
            return this;
        }

        public Builder contextTokenBudget(int value) {
            contextTokenBudget = value;
            return this;
        }

        public MemoryPolicy build() {
            return new MemoryPolicy(rulesPerTask, globalRules, worksThreshold, avoidThreshold, episodeLogSize,
                    mistakesKept, successesKept, mistakeCardsKept, cardTextLimit, scoreWindow, trajectoryIdsPerRule,
                    consolidateEvery, highScoreThreshold, consolidatedSummaryLimit, rulesShown, mistakesShown,
                    cardsShown, recentEpisodesShown, episodeSummaryLimit, contextTokenBudget);
        }
    }
}
