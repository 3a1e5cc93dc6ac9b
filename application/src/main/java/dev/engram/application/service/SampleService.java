package dev.engram.application.service;

import dev.engram.application.port.in.SampleCommand;
import dev.engram.application.port.in.SampleReplayUseCase;
import dev.engram.application.port.in.SampleResult;
import dev.engram.application.port.out.RandomSource;
import dev.engram.application.port.out.TrajectoryStore;
import dev.engram.domain.replay.ReplayDraw;
import dev.engram.domain.replay.ReplayRandom;
import dev.engram.domain.trajectory.Trajectory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Draws a replay batch: the namespace's index is caught up with the store, the draw is made with a generator of
 * the fixed algorithm seeded by the caller's seed (or a fresh one, reported so the batch can be reproduced), the
 * trajectories are fetched, and the replay counts are added in the store.
 */
public final class SampleService implements SampleReplayUseCase {
    private static final Duration WAIT = Duration.ofMinutes(10);

    private final ReplayIndexes indexes;
    private final TrajectoryStore store;
    private final RandomSource random;

    SampleService(ReplayIndexes indexes, TrajectoryStore store, RandomSource random) {
        this.indexes = indexes;
        this.store = store;
        this.random = random;
    }

    @Override
    public Mono<SampleResult> sample(SampleCommand command) {
        return Mono.fromCallable(() -> sampleNow(command)).subscribeOn(UseCaseThreads.SCHEDULER);
    }

    private SampleResult sampleNow(SampleCommand command) {
        // a fresh seed fits in 53 bits: JSON clients that read numbers as doubles (JavaScript) can pass it back exactly
        long seed = command.seed() != null ? command.seed() : random.generator(null).nextLong() >>> 11;
        List<ReplayDraw> draws = indexes.withIndex(command.namespace(), index -> index.sample(command.request(), ReplayRandom.seeded(seed)));
        Map<String, Long> replays = new LinkedHashMap<>();
        draws.forEach(d -> replays.merge(d.id(), 1L, Long::sum));
        Map<String, Trajectory> byId = new HashMap<>();
        if (!replays.isEmpty()) {
            store.getAll(command.namespace(), new ArrayList<>(replays.keySet())).toIterable().forEach(t -> byId.put(t.trajectoryId(), t));
            store.addReplays(command.namespace(), replays).block(WAIT);
        }
        List<SampleResult.Item> items = new ArrayList<>(draws.size());
        for (ReplayDraw draw : draws) {
            Trajectory t = byId.get(draw.id());
            if (t != null) {
                // deleted by another process between the catch-up and the fetch: it cannot be returned
                items.add(new SampleResult.Item(t, draw.probability(), draw.weight()));
            }
        }
        return new SampleResult(command.request().strategy().wireName(), seed, command.request().n(), items);
    }
}
