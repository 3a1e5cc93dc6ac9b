package dev.engram.benchmarks.replay;

import dev.engram.domain.replay.ReplayConfig;
import dev.engram.domain.replay.ReplayIndex;
import dev.engram.domain.replay.ReplayItem;
import dev.engram.domain.trajectory.Outcome;
import java.time.Instant;
import java.util.random.RandomGenerator;

/** The population every replay benchmark runs on: n items, one second apart, losses spread over [0, 5). */
final class BenchmarkItems {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final String[] DOMAINS = {"code", "ops", "web", "math", "chat"};

    private BenchmarkItems() {
    }

    static String id(int i) {
        return String.format("traj-%07d", i);
    }

    static ReplayIndex index(int n, RandomGenerator random) {
        ReplayIndex index = new ReplayIndex(ReplayConfig.defaults());
        for (int i = 0; i < n; i++) {
            index.add(new ReplayItem(id(i), START.plusSeconds(i), "agent-" + (i % 8), "task-" + (i % 100),
                    DOMAINS[i % DOMAINS.length], Outcome.values()[i % 3], random.nextDouble() * 5));
        }
        return index;
    }

    /** The priorities (loss + ε) of an index, in its leaf order. */
    static double[] priorities(ReplayIndex index) {
        return index.entries().mapToDouble(entry -> entry.priority()).toArray();
    }
}
