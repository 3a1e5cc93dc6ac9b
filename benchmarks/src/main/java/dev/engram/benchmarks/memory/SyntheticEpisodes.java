package dev.engram.benchmarks.memory;

import dev.engram.domain.memory.Episode;
import dev.engram.domain.trajectory.MistakeCard;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A fixed, realistic stream of episodes: 12 tasks; per episode up to two mistakes and two successes, each either one
 * of 4,000 stock phrasings (40 labels times 100 phrases) or a new text, so the distinct-text lists are full within
 * the first thousand episodes and evict from then on; up to two mistake cards over some 2,900 keys (20 types, 3
 * workers, 4 decisions, 12 tasks), so cards merge now and then and new ones push out old ones; scores spread over 0
 * to 1, so both [WORKS] and [AVOID] rules appear. {@code benchmarks/python/time_seed_memory.py} draws from the same
 * distribution.
 */
final class SyntheticEpisodes {
    private static final Instant START = Instant.parse("2026-11-20T00:00:00Z");
    private static final String[] VERBS = {"restarted", "scaled", "queried", "patched", "ignored", "misread",
        "retried", "paged", "tuned", "drained"};
    private static final String[] OBJECTS = {"the ingress", "service-b", "the replica set", "the cron job",
        "the feature flag", "the quota", "the TLS cert", "the Kafka lag", "the DNS record", "the autoscaler"};

    private final SplittableRandom random;
    private long index;

    SyntheticEpisodes(long seed) {
        this.random = new SplittableRandom(seed);
    }

    Episode next() {
        index++;
        String task = "task-" + random.nextInt(12);
        double score = random.nextInt(1001) / 1000.0;
        String summary = "Episode " + index + ": " + phrase() + ", then " + phrase() + " and checked the result";
        List<MistakeCard> cards = new ArrayList<>();
        for (int n = random.nextInt(3); n > 0; n--) {
            cards.add(new MistakeCard("type-" + random.nextInt(20), null, "w" + random.nextInt(3), "escalate",
                    "inspect logs " + random.nextInt(4), "p99 went from 80ms to " + random.nextInt(5000) + "ms",
                    "Read the logs before " + phrase() + "."));
        }
        return new Episode("traj-" + index, task, score, 1 + random.nextInt(40), summary, texts("Mistake"),
                texts("Success"), cards, START.plusSeconds(index));
    }

    private List<String> texts(String kind) {
        List<String> texts = new ArrayList<>(2);
        for (int n = random.nextInt(3); n > 0; n--) {
            texts.add(random.nextBoolean()
                    ? kind + " (recurring " + random.nextInt(40) + "): " + phrase()
                    : kind + " #" + index + "." + n + ": " + phrase());
        }
        return texts;
    }

    private String phrase() {
        return VERBS[random.nextInt(VERBS.length)] + " " + OBJECTS[random.nextInt(OBJECTS.length)];
    }
}
