package dev.engram.application.service;

import dev.engram.application.port.out.Change;
import dev.engram.application.port.out.Consolidation;
import dev.engram.application.port.out.ConsolidationInput;
import dev.engram.application.port.out.Consolidator;
import dev.engram.application.port.out.MemoryStore;
import dev.engram.application.port.out.StoredMemory;
import dev.engram.application.port.out.TrajectoryStore;
import dev.engram.application.query.TrajectoryFilter;
import dev.engram.application.query.TrajectoryQuery;
import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import dev.engram.domain.json.JsonNumber;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.JsonValue;
import dev.engram.domain.memory.AgentMemory;
import dev.engram.domain.memory.AgentMemoryJson;
import dev.engram.domain.memory.MemoryPolicy;
import dev.engram.domain.memory.TrajectoryEpisodes;
import dev.engram.domain.trajectory.Outcome;
import dev.engram.domain.trajectory.Trajectory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each agent's memory aggregate in step with the trajectories the store holds. The aggregate records the
 * last change sequence it learned from ({@code applied_sequence}); catching up applies the agent's inserts after it,
 * in sequence order, and saves aggregate and sequence together under the aggregate's version. So:
 * <ul>
 *   <li>a crash between storing a trajectory and updating the memory loses nothing — the next catch-up (by any
 *       process, on the next record, context or stats) applies it;</li>
 *   <li>nothing is counted twice — an insert at or below the applied sequence is never applied again, and a
 *       concurrent writer's save makes ours fail its version check, so we reload and redo;</li>
 *   <li>trajectories deleted before they were applied are skipped, their sequence still passed.</li>
 * </ul>
 * The store must make sequences visible in order (see {@link Change}), or a late-visible insert would be skipped.
 *
 * <p>Within one process, the catch-ups of one agent take turns ({@link Lane}), and a writer whose inserts a catch-up
 * that started after them has already applied does not run one of its own: 64 requests recording for the same agent
 * at once cost one catch-up that applies all of them, not 64 that race on the version, 63 of which lose, reload and
 * read back from the store what the others wrote. The version check still guards against other processes.
 */
final class MemoryProjector {
    private static final Logger LOG = LoggerFactory.getLogger(MemoryProjector.class);
    private static final Duration WAIT = Duration.ofMinutes(10);
    private static final int PAGE = 1_000;
    private static final int MAX_ATTEMPTS = 1_000;
    static final String APPLIED = "applied_sequence";
    static final String MEMORY = "memory";
    private static final int EVIDENCE = 10;

    /** An agent's memory as loaded: the aggregate, the stored version (0: none stored) and its applied sequence. */
    record Loaded(AgentMemory memory, long version, long appliedSequence) {
        boolean exists() {
            return version > 0;
        }
    }

    /**
     * The in-process turn of one agent: a lock, tickets ({@code issued}: one per write whose inserts must be applied,
     * taken after the write committed; {@code covered}: the highest ticket a finished catch-up took its snapshot after)
     * and the trajectories the waiting writers hold in hand, so the catch-up that applies them need not read them back.
     * A lane lives while someone uses it.
     */
    private static final class Lane {
        final ReentrantLock lock = new ReentrantLock();
        final AtomicLong issued = new AtomicLong();
        final Map<String, Trajectory> handed = new ConcurrentHashMap<>();
        long covered; // guarded by lock
        int users; // guarded by the lanes map's compute
    }

    private final ConcurrentHashMap<String, Lane> lanes = new ConcurrentHashMap<>();
    private final TrajectoryStore store;
    private final MemoryStore memories;
    private final Consolidator consolidator;
    private final MemoryPolicy policy;

    MemoryProjector(TrajectoryStore store, MemoryStore memories, Consolidator consolidator, MemoryPolicy policy) {
        this.store = store;
        this.memories = memories;
        this.consolidator = consolidator;
        this.policy = policy;
    }

    MemoryPolicy policy() {
        return policy;
    }

    Loaded load(String namespace, String agentId) {
        StoredMemory stored = memories.load(namespace, agentId).block(WAIT);
        if (stored == null) {
            return new Loaded(AgentMemory.empty(agentId, policy), 0, 0);
        }
        JsonObject doc = stored.state();
        JsonValue applied = doc.get(APPLIED);
        JsonValue memory = doc.get(MEMORY);
        if (!(applied instanceof JsonNumber number) || !(memory instanceof JsonObject state)) {
            throw new DomainException(ErrorCode.BACKEND_UNAVAILABLE, "the stored memory of agent " + agentId + " is unreadable: "
                    + APPLIED + " or " + MEMORY + " is missing");
        }
        return new Loaded(AgentMemory.restore(AgentMemoryJson.fromJson(state), policy), stored.version(), number.value().longValueExact());
    }

    static JsonObject document(AgentMemory memory, long appliedSequence) {
        return JsonObject.builder().put(APPLIED, appliedSequence).put(MEMORY, AgentMemoryJson.toJson(memory.state())).build();
    }

    /** Applies every insert of the agent not yet in its memory; returns the memory as it now stands. */
    Loaded catchUp(String namespace, String agentId) {
        Lane lane = enter(namespace, agentId);
        try {
            return inTurn(lane, () -> catchUpInTurn(namespace, agentId, lane));
        } finally {
            leave(namespace, agentId);
        }
    }

    /**
     * Applies the inserts of a write that has just committed, {@code justStored} in hand (the record path does not
     * read back from the store what it wrote a moment ago; only the others are fetched). Returns once a catch-up that
     * began after the write has finished — this call's own, or another writer's that took them along.
     */
    void catchUpAfterWrite(String namespace, String agentId, Map<String, Trajectory> justStored) {
        Map<String, Trajectory> mine = new HashMap<>();
        justStored.forEach((id, t) -> {
            if (t.agentId().equals(agentId)) {
                mine.put(id, t);
            }
        });
        Lane lane = enter(namespace, agentId);
        try {
            lane.handed.putAll(mine);
            long ticket = lane.issued.incrementAndGet();
            inTurn(lane, () -> lane.covered >= ticket ? null : catchUpInTurn(namespace, agentId, lane));
        } finally {
            mine.keySet().forEach(lane.handed::remove);
            leave(namespace, agentId);
        }
    }

    /** A catch-up while holding the agent's turn: every write that took its ticket before it starts is covered after. */
    private Loaded catchUpInTurn(String namespace, String agentId, Lane lane) {
        long upTo = lane.issued.get();
        Loaded loaded = apply(namespace, agentId, lane.handed);
        lane.covered = Math.max(lane.covered, upTo);
        return loaded;
    }

    private static <T> T inTurn(Lane lane, Supplier<T> work) {
        lane.lock.lock();
        try {
            return work.get();
        } finally {
            lane.lock.unlock();
        }
    }

    private Lane enter(String namespace, String agentId) {
        return lanes.compute(namespace + '\u0000' + agentId, (k, lane) -> {
            Lane l = lane == null ? new Lane() : lane;
            l.users++;
            return l;
        });
    }

    private void leave(String namespace, String agentId) {
        lanes.computeIfPresent(namespace + '\u0000' + agentId, (k, lane) -> --lane.users == 0 ? null : lane);
    }

    private Loaded apply(String namespace, String agentId, Map<String, Trajectory> justStored) {
        long deletedUpTo = 0; // inserts up to here are of trajectories deleted since, for an agent with no memory
        int conflicts = 0;
        while (true) {
            Loaded loaded = load(namespace, agentId);
            long from = loaded.exists() ? loaded.appliedSequence() : Math.max(loaded.appliedSequence(), deletedUpTo);
            List<Change> inserts = store.insertsOfAgentSince(namespace, agentId, from, PAGE).collectList().block(WAIT);
            if (inserts == null || inserts.isEmpty()) {
                return loaded;
            }
            Map<String, Trajectory> byId = new HashMap<>();
            List<String> missing = new ArrayList<>();
            for (Change insert : inserts) {
                Trajectory known = justStored.get(insert.item().id());
                if (known != null) {
                    byId.put(known.trajectoryId(), known);
                } else {
                    missing.add(insert.item().id());
                }
            }
            if (!missing.isEmpty()) {
                store.getAll(namespace, missing).toIterable().forEach(t -> byId.put(t.trajectoryId(), t));
            }
            AgentMemory memory = loaded.memory();
            long applied = from;
            boolean learned = false;
            for (Change insert : inserts) {
                Trajectory t = byId.get(insert.item().id());
                if (t != null) {
                    learned = true;
                    memory.record(TrajectoryEpisodes.from(t));
                }
                applied = insert.sequence();
            }
            // at most one consolidation per page of inserts: one episode at a time (the usual record) behaves as the
            // seed does, while a backlog (an import, a process catching up) costs one LLM call, not one per N episodes
            if (learned && memory.consolidationDue()) {
                memory.consolidate(consolidate(namespace, agentId, memory).changes());
            }
            if (!learned && !loaded.exists()) {
                // only trajectories deleted since (a forgotten agent): no memory is created for nothing
                deletedUpTo = applied;
                if (inserts.size() < PAGE) {
                    return loaded;
                }
                continue;
            }
            Long saved = memories.save(namespace, agentId, loaded.version(), document(memory, applied)).block(WAIT);
            if (saved == null) {
                // another writer moved the memory on: reload and apply what is still missing
                if (++conflicts > MAX_ATTEMPTS) {
                    throw new DomainException(ErrorCode.BACKEND_UNAVAILABLE, "the memory of agent " + agentId
                            + " kept changing under " + MAX_ATTEMPTS + " attempts to update it");
                }
                continue;
            }
            if (inserts.size() < PAGE) {
                return new Loaded(memory, saved, applied);
            }
        }
    }

    /** Runs the consolidator on the memory as it stands (falling back to nothing new when it fails outright). */
    Consolidation consolidate(String namespace, String agentId, AgentMemory memory) {
        ConsolidationInput input = new ConsolidationInput(namespace, agentId, memory.state(), policy,
                evidence(namespace, agentId, Outcome.SUCCESS), evidence(namespace, agentId, Outcome.FAILURE));
        try {
            return consolidator.consolidate(input).block(WAIT);
        } catch (RuntimeException e) {
            // a consolidator must fall back by itself; if one fails anyway, the heuristic keeps memory moving
            LOG.warn("consolidator {} failed for agent {} ({}); using the heuristic", consolidator.name(), agentId, e.toString());
            Consolidation fallback = new HeuristicConsolidator().consolidate(input).block(WAIT);
            return new Consolidation(fallback.changes(), fallback.source(), consolidator.name() + " failed: " + e.getMessage());
        }
    }

    private List<Trajectory> evidence(String namespace, String agentId, Outcome outcome) {
        TrajectoryQuery query = new TrajectoryQuery(TrajectoryFilter.agent(agentId).withOutcome(outcome),
                TrajectoryQuery.Order.NEWEST_FIRST, EVIDENCE, null);
        return store.query(namespace, query).block(WAIT).items();
    }

    /**
     * Changes the caught-up memory with {@code change} and saves it under optimistic concurrency, redoing the
     * catch-up and the change when another writer got there first. Returns the saved memory.
     */
    Loaded update(String namespace, String agentId, UnaryOperator<AgentMemory> change) {
        Lane lane = enter(namespace, agentId);
        try {
            return inTurn(lane, () -> updateInTurn(namespace, agentId, change));
        } finally {
            leave(namespace, agentId);
        }
    }

    private Loaded updateInTurn(String namespace, String agentId, UnaryOperator<AgentMemory> change) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Loaded loaded = catchUp(namespace, agentId);
            AgentMemory changed = change.apply(loaded.memory());
            Long saved = memories.save(namespace, agentId, loaded.version(), document(changed, loaded.appliedSequence())).block(WAIT);
            if (saved != null) {
                return new Loaded(changed, saved, loaded.appliedSequence());
            }
        }
        throw new DomainException(ErrorCode.BACKEND_UNAVAILABLE, "the memory of agent " + agentId + " kept changing under "
                + MAX_ATTEMPTS + " attempts to update it");
    }
}
