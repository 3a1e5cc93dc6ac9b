package dev.engram.domain.memory;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules one episode teaches about its task (the seed's {@code _update_rules_from_episode}): a high score makes
 * its successes [WORKS] rules, a low score makes its mistakes [AVOID] rules.
 *
 * <p>Unlike the seed, an empty success or mistake text makes no rule: the seed would add a bare {@code "[WORKS] "}
 * line, while it already skips empty texts in its mistake and success lists.
 */
final class EpisodeRules {
    static final String WORKS_LABEL = "[WORKS] ";
    static final String AVOID_LABEL = "[AVOID] ";

    private EpisodeRules() {
    }

    static List<RuleChange> changes(Episode episode, MemoryPolicy policy) {
        List<RuleChange> changes = new ArrayList<>();
        RuleScope scope = RuleScope.task(episode.taskId());
        List<String> evidence = List.of(episode.trajectoryId());
        if (episode.score() >= policy.worksThreshold()) {
            for (String success : episode.successes()) {
                if (!success.isEmpty()) {
                    changes.add(new RuleChange.Add(scope, WORKS_LABEL + success, Polarity.WORKS, RuleSource.HEURISTIC,
                            evidence));
                }
            }
        }
        if (episode.score() < policy.avoidThreshold()) {
            for (String mistake : episode.mistakes()) {
                if (!mistake.isEmpty()) {
                    changes.add(new RuleChange.Add(scope, AVOID_LABEL + mistake, Polarity.AVOID, RuleSource.HEURISTIC,
                            evidence));
                }
            }
        }
        return changes;
    }
}
