package dev.engram.domain.replay;

import dev.engram.domain.trajectory.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/** Items and generators for the replay tests. */
final class ReplayFixtures {

    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    private ReplayFixtures() {
    }

    static ReplayItem item(String id, long minutes, Double loss) {
        return item(id, minutes, "agent", "task", "code", Outcome.SUCCESS, loss);
    }

    static ReplayItem item(String id, long minutes, String agent, String task, String domain, Outcome outcome,
                           Double loss) {
        return new ReplayItem(id, T0.plus(Duration.ofMinutes(minutes)), agent, task, domain, outcome, loss);
    }

    static RandomGenerator random(long seed) {
        return ReplayRandom.seeded(seed);
    }

    /**
     * A varied population: 60 items over 3 agents, 2 tasks, 3 domains and all outcomes, losses from 0.05 to 3,
     * created one hour apart.
     */
    static List<ReplayItem> population() {
        String[] agents = {"alpha", "beta", "gamma"};
        String[] tasks = {"deploy", "review"};
        String[] domains = {"code", "ops", "web"};
        Outcome[] outcomes = Outcome.values();
        List<ReplayItem> items = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            double loss = 0.05 + (i * 37 % 60) / 20.0;
            items.add(item(String.format("item-%02d", i), 60L * i, agents[i % 3], tasks[i / 3 % 2], domains[i / 6 % 3],
                    outcomes[i / 2 % 3], loss));
        }
        return items;
    }

    static ReplayIndex indexOf(List<ReplayItem> items) {
        ReplayIndex index = new ReplayIndex(ReplayConfig.defaults());
        items.forEach(index::add);
        return index;
    }

    /** Draw counts by id over {@code rounds} samples of {@code request} (which should draw with replacement). */
    static Map<String, Long> counts(ReplayIndex index, SampleRequest request, int rounds, RandomGenerator random) {
        Map<String, Long> counts = new HashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (ReplayDraw draw : index.sample(request, random)) {
                counts.merge(draw.id(), 1L, Long::sum);
            }
        }
        return counts;
    }
}
