package dev.engram.application.service;

import static dev.engram.application.service.Fixture.NS;
import static dev.engram.application.service.Fixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.application.port.in.AgentMemoryView;
import dev.engram.application.port.in.ContextQuery;
import dev.engram.application.port.in.RecordReport;
import dev.engram.application.port.in.RecordReport.Status;
import dev.engram.application.query.TrajectoryFilter;
import dev.engram.domain.json.JsonValue;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.trajectory.MistakeCard;
import dev.engram.domain.trajectory.Outcome;
import dev.engram.domain.trajectory.Reflection;
import dev.engram.domain.trajectory.Trajectory;
import dev.engram.domain.trajectory.TrajectoryWriter;
import dev.engram.testkit.InMemoryMemoryStore;
import dev.engram.testkit.Trajectories;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RecordServiceTest {
    private final Fixture fx = new Fixture();

    private static Trajectory run(String id, String agent, double reward) {
        return Trajectories.plain(id).agentId(agent).reward(reward).finalOutcome(Outcome.fromScore(reward))
                .reflection(new Reflection("summary of " + id, List.of("escalated early"), List.of("read the logs"),
                        List.of(new MistakeCard("premature_escalation", null, "w1", "escalate", "inspect logs", "e", "Read logs first."))))
                .build();
    }

    private AgentMemoryView memory(String agent) {
        return fx.services.showMemory().show(NS, agent).block(WAIT);
    }

    @Test
    void storesANewTrajectoryAndTeachesTheAgentsMemoryOnce() {
        RecordReport first = fx.record(run("t1", "alice", 0.9));
        assertThat(first.items()).extracting(RecordReport.ItemResult::status).containsExactly(Status.STORED);
        assertThat(memory("alice").state().totalEpisodes()).isEqualTo(1);

        RecordReport again = fx.record(run("t1", "alice", 0.9));
        assertThat(again.items()).extracting(RecordReport.ItemResult::status).containsExactly(Status.UNCHANGED);
        assertThat(memory("alice").state().totalEpisodes()).as("a replayed record never double-counts").isEqualTo(1);
        assertThat(memory("alice").state().mistakeCards().get(0).seenCount()).isEqualTo(1);
    }

    @Test
    void oneInvalidItemStoresNothing_unlessPartial() {
        List<JsonValue> items = List.of(TrajectoryWriter.toJson(run("ok", "alice", 1.0)),
                JsonObject.builder().put("agent_id", "alice").put("task_id", "t").put("final_outcome", "success").put("reward", 1.5).build());

        RecordReport refused = fx.record(false, items);
        assertThat(refused.items()).extracting(RecordReport.ItemResult::status).containsExactly(Status.NOT_STORED, Status.INVALID);
        assertThat(refused.items().get(1).problems()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("reward");
            assertThat(v.message()).isEqualTo("must be between 0 and 1, got 1.5");
        });
        assertThat(fx.store.count(NS, TrajectoryFilter.ALL).block(WAIT)).isZero();
        assertThat(memory("alice")).isNull();

        RecordReport partial = fx.record(true, items);
        assertThat(partial.items()).extracting(RecordReport.ItemResult::status).containsExactly(Status.STORED, Status.INVALID);
        assertThat(fx.store.count(NS, TrajectoryFilter.ALL).block(WAIT)).isEqualTo(1);
    }

    @Test
    void aChangedIdIsAConflict_inTheStoreOrWithinTheBatch() {
        fx.record(run("t1", "alice", 0.9));
        RecordReport conflict = fx.record(run("t1", "alice", 0.1), run("t2", "alice", 0.5));
        assertThat(conflict.items()).extracting(RecordReport.ItemResult::status).containsExactly(Status.CONFLICT, Status.NOT_STORED);
        assertThat(conflict.refusedAny()).isTrue();
        assertThat(fx.store.get(NS, "t2").block(WAIT)).isNull();

        RecordReport batch = fx.record(run("d1", "bob", 0.9), run("d1", "bob", 0.9), run("d1", "bob", 0.2));
        assertThat(batch.items()).extracting(RecordReport.ItemResult::status).containsExactly(Status.NOT_STORED, Status.UNCHANGED, Status.CONFLICT);
        assertThat(fx.store.get(NS, "d1").block(WAIT)).isNull();
    }

    @Test
    void aCrashBetweenStoreAndMemoryIsRepairedByTheNextCatchUp_exactlyOnce() {
        fx.record(run("t1", "alice", 0.9));
        // the process dies after the store acknowledged t2 and before the memory learned from it
        fx.store.upsert(NS, List.of(run("t2", "alice", 0.2)), true).block(WAIT);
        assertThat(fx.memories.load(NS, "alice").block(WAIT)).isNotNull();

        String context = fx.services.context().context(new ContextQuery(NS, "alice", "task", 500)).block(WAIT).text();
        assertThat(context).contains("over 2 episodes");
        assertThat(memory("alice").state().totalEpisodes()).isEqualTo(2);
        fx.record(run("t3", "alice", 0.5));
        assertThat(memory("alice").state().totalEpisodes()).isEqualTo(3);
        assertThat(memory("alice").state().mistakeCards().get(0).seenCount()).isEqualTo(3);
    }

    @Test
    void twoWritersOnOneAgentNeverLoseEachOthersUpdates() throws Exception {
        Fixture other = fx.secondProcess();
        int perWriter = 30;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                Fixture writer = w % 2 == 0 ? fx : other;
                int id = w;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        writer.record(run("w" + id + "-" + i, "shared", (i % 10) / 10.0));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        AgentMemoryView view = memory("shared");
        assertThat(view.state().totalEpisodes()).isEqualTo(4L * perWriter);
        assertThat(view.state().mistakeCards()).singleElement().satisfies(card -> assertThat(card.seenCount()).isEqualTo(4L * perWriter));
        assertThat(view.state().scoresByTask().get("task").count()).isEqualTo(4L * perWriter);
    }

    @Test
    void manyWritersOfOneAgentInOneProcessTakeTurns_andEveryEpisodeIsLearnedOnce() throws Exception {
        // the catch-ups of one agent take turns in a process, and a writer whose inserts another's catch-up took
        // along returns without one of its own: whichever catch-up applies an insert, it is applied exactly once
        int writers = 16;
        int perWriter = 12;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(writers);
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int id = w;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perWriter; i++) {
                        fx.record(run("m" + id + "-" + i, "crowd", (i % 10) / 10.0), run("n" + id + "-" + i, "crowd", 1.0));
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        // as saved by the records themselves (no catch-up by the reader): a writer that returned without a catch-up
        // of its own was covered by another's
        JsonObject saved = (JsonObject) fx.memories.load(NS, "crowd").block(WAIT).state().get(MemoryProjector.MEMORY);
        assertThat(((dev.engram.domain.json.JsonNumber) saved.get("total_episodes")).value().longValue()).isEqualTo(2L * writers * perWriter);
        AgentMemoryView view = memory("crowd");
        assertThat(view.state().totalEpisodes()).isEqualTo(2L * writers * perWriter);
        assertThat(view.state().scoresByTask().get("task").count()).isEqualTo(2L * writers * perWriter);
        assertThat(view.state().mistakeCards()).singleElement().satisfies(card -> assertThat(card.seenCount()).isEqualTo(2L * writers * perWriter));
    }

    @Test
    void concurrentMissesOfOneCachedContextRenderItOnce_andAWriteStartsAFreshRendering() throws Exception {
        GatedMemoryStore counting = new GatedMemoryStore(new InMemoryMemoryStore());
        JsonObject config = JsonObject.builder().put("context", JsonObject.builder().put("cache_ttl", "1h").build()).build();
        Fixture cached = new Fixture(new dev.engram.testkit.InMemoryTrajectoryStore(), counting, new dev.engram.testkit.InMemoryReplaySnapshotStore(),
                config, new HeuristicConsolidator());
        cached.record(run("c1", "alice", 0.9));
        ContextQuery query = new ContextQuery(NS, "alice", "task", 500);

        counting.loads.set(0);
        counting.hold();
        List<reactor.core.publisher.Mono<dev.engram.domain.memory.MemoryContext>> waiting = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            reactor.core.publisher.Mono<dev.engram.domain.memory.MemoryContext> m = cached.services.context().context(query).cache();
            m.subscribe(); // the first one's rendering now waits at the gate; the others join it
            waiting.add(m);
        }
        counting.release();
        List<String> texts = new ArrayList<>();
        for (var m : waiting) {
            texts.add(m.block(WAIT).text());
        }
        assertThat(texts).hasSize(32).containsOnly(texts.get(0)).allMatch(t -> t.contains("over 1 episodes") || t.contains("over 1 episode"));
        assertThat(counting.loads.get()).as("memory loads for 32 concurrent misses").isEqualTo(1);

        // a write through this process: the next request renders afresh and sees it
        cached.record(run("c2", "alice", 0.5));
        assertThat(cached.services.context().context(query).block(WAIT).text()).contains("over 2 episodes");
    }

    @Test
    void consolidationRunsEveryNEpisodesAutomatically() {
        for (int i = 0; i < 20; i++) {
            fx.record(run("c" + i, "carol", 0.95));
        }
        AgentMemoryView view = memory("carol");
        assertThat(view.state().lastConsolidatedAt()).isEqualTo(20);
        assertThat(view.state().globalRules()).isNotEmpty();
        assertThat(view.state().globalRules().get(0).text()).startsWith("[HIGH SCORE 0.95] summary of c");
    }
}
