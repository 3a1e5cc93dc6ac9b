package dev.engram.application.service;

import static dev.engram.application.service.Fixture.NS;
import static dev.engram.application.service.Fixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.application.port.in.ContextQuery;
import dev.engram.domain.memory.ApproximateTokenCounter;
import dev.engram.domain.memory.MemoryContext;
import dev.engram.domain.memory.MemoryPolicy;
import dev.engram.domain.trajectory.Outcome;
import dev.engram.domain.trajectory.Trajectory;
import dev.engram.testkit.InMemoryMemoryStore;
import dev.engram.testkit.InMemoryTrajectoryStore;
import dev.engram.testkit.Trajectories;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The context cache renders an entry again ahead of its expiry, in the background, while the entry answers. */
class ContextRefreshTest {
    private static final long TTL = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong(5_000_000_000L);
    private final InMemoryTrajectoryStore store = new InMemoryTrajectoryStore();
    private final InMemoryMemoryStore memories = new InMemoryMemoryStore();
    private final GatedMemoryStore counting = new GatedMemoryStore(memories);
    private final MemoryProjector projector = new MemoryProjector(store, counting, new HeuristicConsolidator(), MemoryPolicy.defaults());
    private final ContextService service = new ContextService(projector, ApproximateTokenCounter.INSTANCE, new ContextCache(TTL, now::get));
    private final ContextQuery query = new ContextQuery(NS, "alice", "task", 500);

    private void record(String id, double reward) {
        Trajectory t = Trajectories.plain(id).agentId("alice").reward(reward).finalOutcome(Outcome.fromScore(reward)).build();
        store.upsert(NS, List.of(t), true).block(WAIT);
        projector.catchUpAfterWrite(NS, "alice", Map.of(id, t));
    }

    @Test
    void anEntryPastThreeQuartersOfItsTtlAnswersAtOnceWhileOneRenderingReplacesIt() throws Exception {
        record("r1", 0.9);
        MemoryContext first = service.context(query).block(WAIT);
        counting.loads.set(0);

        now.addAndGet(TTL / 2);
        assertThat(service.context(query).block(WAIT)).as("fresh: the entry, nothing rendered").isSameAs(first);
        assertThat(counting.loads.get()).isZero();

        // another process writes (nothing this process sees), then the entry comes due; its rendering is held
        record("r2", 0.1);
        counting.loads.set(0);
        counting.hold();
        now.addAndGet(TTL / 4 + 1);
        for (int i = 0; i < 20; i++) {
            assertThat(service.context(query).block(WAIT)).as("due: still answered from the entry, at once").isSameAs(first);
        }
        assertThat(counting.awaitLoad(10)).as("the background rendering reaches the memory store").isTrue();
        assertThat(counting.loads.get()).as("one rendering for 20 requests that found the entry due").isEqualTo(1);
        counting.release();

        MemoryContext refreshed = null;
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline && (refreshed = service.context(query).block(WAIT)) == first) {
            Thread.sleep(5);
        }
        assertThat(refreshed).as("replaced by the background rendering").isNotSameAs(first);
        assertThat(refreshed.text()).contains("over 2 episode");
        assertThat(counting.loads.get()).isEqualTo(1);
    }

    @Test
    void anEntryPastItsTtlIsNeverServed() {
        record("r1", 0.9);
        MemoryContext first = service.context(query).block(WAIT);
        now.addAndGet(TTL);
        assertThat(service.context(query).block(WAIT)).as("expired: rendered again before answering").isNotSameAs(first);
    }
}
