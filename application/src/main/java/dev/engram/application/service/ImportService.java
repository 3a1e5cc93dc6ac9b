package dev.engram.application.service;

import static dev.engram.application.service.ExportFormat.*;

import dev.engram.application.port.in.ImportCommand;
import dev.engram.application.port.in.ImportReport;
import dev.engram.application.port.in.ImportUseCase;
import dev.engram.application.port.in.InputItem;
import dev.engram.application.port.in.RecordReport.ItemResult;
import dev.engram.application.port.in.RecordReport.Status;
import dev.engram.application.port.out.Clock;
import dev.engram.application.port.out.MemoryStore;
import dev.engram.application.port.out.TrajectoryStore;
import dev.engram.application.port.out.UpsertOutcome;
import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.Violation;
import dev.engram.domain.json.JsonNumber;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.JsonString;
import dev.engram.domain.json.JsonValue;
import dev.engram.domain.memory.AgentMemory;
import dev.engram.domain.memory.AgentMemoryJson;
import dev.engram.domain.trajectory.ReadContext;
import dev.engram.domain.trajectory.ReadResult;
import dev.engram.domain.trajectory.Trajectory;
import dev.engram.domain.trajectory.TrajectoryReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import reactor.core.publisher.Mono;

/**
 * Imports JSON Lines of any size in constant memory, in two passes over the input.
 * <ol>
 *   <li>Validate: every line is read as it will be stored (a trajectory, a seed-style episode, or a line of an
 *       {@code export --what all} file), and each batch of ids is checked against the store for conflicts. Any
 *       problem, and (unless partial) nothing is stored.</li>
 *   <li>Store, in batches: ids are idempotent, so an interrupted import run again completes without duplicates.
 *       Replay counts are restored only for trajectories this run inserted; a memory aggregate is restored only for
 *       an agent that has none, marked as having learned from every trajectory stored so far (so its own
 *       trajectories are not learned twice).</li>
 * </ol>
 * Items without {@code created_at} or an id get them at read time, so the two passes could differ for them: the
 * validate pass only checks, and the store pass reads again; ids generated for such items are new each run (give
 * ids to make a re-run idempotent — exports always have them).
 */
public final class ImportService implements ImportUseCase {
    private static final Duration WAIT = Duration.ofMinutes(10);

    private final TrajectoryReader reader;
    private final TrajectoryStore store;
    private final MemoryStore memoryStore;
    private final MemoryProjector memories;
    private final Clock clock;
    private final Supplier<String> ids;

    ImportService(TrajectoryReader reader, TrajectoryStore store, MemoryStore memoryStore, MemoryProjector memories,
                  Clock clock, Supplier<String> ids) {
        this.reader = reader;
        this.store = store;
        this.memoryStore = memoryStore;
        this.memories = memories;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public Mono<ImportReport> importItems(ImportCommand command) {
        return Mono.fromCallable(() -> run(command)).subscribeOn(UseCaseThreads.SCHEDULER);
    }

    /** One line, read: a trajectory (with the replay count a full export gave it), a memory, the header, or problems. */
    private record Line(InputItem item, Trajectory trajectory, long replayCount, String memoryAgent, JsonObject memory,
                        boolean header, List<Violation> problems) {
        static Line problems(InputItem item, List<Violation> problems) {
            return new Line(item, null, 0, null, null, false, problems);
        }
    }

    private final class LineReader {
        private final ReadContext context;
        private final ImportCommand command;
        private Boolean restore;

        LineReader(ImportCommand command) {
            this.command = command;
            this.context = new ReadContext(clock.now(), ids, command.defaultAgentId());
        }

        Line read(InputItem item) {
            if (item.parseError() != null) {
                return Line.problems(item, List.of(new Violation("", item.parseError())));
            }
            JsonValue value = item.value();
            boolean isHeader = value instanceof JsonObject o && new JsonString(HEADER).equals(o.get(TYPE));
            if (restore == null) {
                restore = isHeader;
                if (isHeader) {
                    return header((JsonObject) value, item);
                }
            } else if (isHeader) {
                return Line.problems(item, List.of(new Violation(TYPE, "an export header may only be the first line")));
            }
            return restore ? restoreLine(item) : trajectory(item, value, 0);
        }

        private Line header(JsonObject header, InputItem item) {
            JsonValue format = header.get(FORMAT);
            if (!(format instanceof JsonNumber n) || n.value().intValue() != VERSION) {
                return Line.problems(item, List.of(new Violation(FORMAT, "this engram reads export format " + VERSION + ", got " + format)));
            }
            return new Line(item, null, 0, null, null, true, List.of());
        }

        private Line restoreLine(InputItem item) {
            if (!(item.value() instanceof JsonObject line)) {
                return Line.problems(item, List.of(new Violation("", "a line of an export must be a JSON object")));
            }
            JsonValue type = line.get(TYPE);
            if (new JsonString(TRAJECTORY).equals(type)) {
                JsonValue count = line.get(REPLAY_COUNT);
                long replays = count instanceof JsonNumber n && n.value().signum() >= 0 ? n.value().longValue() : -1;
                if (replays < 0) {
                    return Line.problems(item, List.of(new Violation(REPLAY_COUNT, "must be a whole number of at least 0")));
                }
                return trajectory(item, line.get(TRAJECTORY), replays);
            }
            if (new JsonString(MEMORY).equals(type)) {
                JsonValue agent = line.get(AGENT_ID);
                JsonValue memory = line.get(MEMORY);
                if (!(agent instanceof JsonString a) || !(memory instanceof JsonObject m)) {
                    return Line.problems(item, List.of(new Violation(MEMORY, "a memory line needs agent_id and memory")));
                }
                try {
                    AgentMemoryJson.fromJson(m);
                } catch (DomainException e) {
                    return Line.problems(item, List.of(new Violation(MEMORY, e.getMessage())));
                }
                return new Line(item, null, 0, a.value(), m, false, List.of());
            }
            return Line.problems(item, List.of(new Violation(TYPE, "must be trajectory or memory, got " + type)));
        }

        private Line trajectory(InputItem item, JsonValue value, long replays) {
            ReadResult read = reader.read(value, context);
            return read.ok() ? new Line(item, read.trajectory(), replays, null, null, false, List.of())
                    : Line.problems(item, read.violations());
        }
    }

    private ImportReport run(ImportCommand command) {
        Tally tally = new Tally();
        command.progress().pass("validating");
        validate(command, tally);
        if (tally.refused > 0 && !command.partial()) {
            return tally.report();
        }
        command.progress().pass("storing");
        store(command, tally);
        return tally.report();
    }

    private static final class Tally {
        long read;
        long stored;
        long unchanged;
        long refused;
        final List<ItemResult> problems = new ArrayList<>();
        final Set<Integer> refusedIndexes = new HashSet<>();
        long memoriesRestored;
        final List<String> memoriesSkipped = new ArrayList<>();

        void refuse(InputItem item, String id, Status status, List<Violation> violations) {
            refused++;
            refusedIndexes.add(item.index());
            if (problems.size() < ImportReport.MAX_DETAILED) {
                problems.add(new ItemResult(item.index(), item.line(), id, status, violations));
            }
        }

        ImportReport report() {
            return new ImportReport(read, stored, unchanged, refused, problems, memoriesRestored, memoriesSkipped);
        }
    }

    private void validate(ImportCommand command, Tally tally) {
        LineReader lines = new LineReader(command);
        List<Line> batch = new ArrayList<>();
        try (Stream<InputItem> items = command.source().open()) {
            Iterator<InputItem> it = items.iterator();
            while (it.hasNext()) {
                Line line = lines.read(it.next());
                tally.read++;
                if (!line.problems().isEmpty()) {
                    tally.refuse(line.item(), line.item().sentTrajectoryId(), Status.INVALID, line.problems());
                } else if (line.trajectory() != null) {
                    batch.add(line);
                    if (batch.size() == command.batchSize()) {
                        checkConflicts(command.namespace(), batch, tally);
                        batch.clear();
                    }
                }
                command.progress().done(tally.read);
            }
        }
        checkConflicts(command.namespace(), batch, tally);
    }

    /** Ids already stored with other content would be refused by the store: find them before anything is written. */
    private void checkConflicts(String ns, List<Line> batch, Tally tally) {
        if (batch.isEmpty()) {
            return;
        }
        Map<String, Line> byId = new LinkedHashMap<>();
        batch.forEach(l -> byId.putIfAbsent(l.trajectory().trajectoryId(), l));
        store.getAll(ns, new ArrayList<>(byId.keySet())).toIterable().forEach(stored -> {
            Line line = byId.get(stored.trajectoryId());
            if (!stored.contentHash().equals(line.trajectory().contentHash())) {
                tally.refuse(line.item(), stored.trajectoryId(), Status.CONFLICT,
                        List.of(new Violation("trajectory_id", "is already stored with other content")));
            }
        });
    }

    private void store(ImportCommand command, Tally tally) {
        String ns = command.namespace();
        LineReader lines = new LineReader(command);
        List<Line> batch = new ArrayList<>();
        Set<String> agents = new LinkedHashSet<>();
        Map<String, JsonObject> restoredMemories = new LinkedHashMap<>();
        long done = 0;
        try (Stream<InputItem> items = command.source().open()) {
            Iterator<InputItem> it = items.iterator();
            while (it.hasNext()) {
                InputItem item = it.next();
                done++;
                if (tally.refusedIndexes.contains(item.index())) {
                    continue;
                }
                Line line = lines.read(item);
                if (line.trajectory() != null) {
                    batch.add(line);
                    if (batch.size() == command.batchSize()) {
                        storeBatch(ns, batch, tally, agents);
                        batch.clear();
                    }
                } else if (line.memory() != null) {
                    restoredMemories.put(line.memoryAgent(), line.memory());
                }
                command.progress().done(done);
            }
        }
        storeBatch(ns, batch, tally, agents);
        restoreMemories(ns, restoredMemories, tally);
        for (String agent : agents) {
            memories.catchUp(ns, agent);
        }
    }

    private void storeBatch(String ns, List<Line> batch, Tally tally, Set<String> agents) {
        if (batch.isEmpty()) {
            return;
        }
        List<Trajectory> trajectories = new ArrayList<>(batch.size());
        batch.forEach(l -> trajectories.add(l.trajectory()));
        List<UpsertOutcome> outcomes = store.upsert(ns, trajectories, false).block(WAIT);
        Map<String, Long> replays = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            Line line = batch.get(i);
            switch (outcomes.get(i).status()) {
                case INSERTED:
                    tally.stored++;
                    agents.add(line.trajectory().agentId());
                    if (line.replayCount() > 0) {
                        replays.put(line.trajectory().trajectoryId(), line.replayCount());
                    }
                    break;
                case UNCHANGED:
                    tally.unchanged++;
                    break;
                default:
                    tally.refuse(line.item(), line.trajectory().trajectoryId(), Status.CONFLICT,
                            List.of(new Violation("trajectory_id", "appears earlier in the input, or is stored, with other content")));
                    break;
            }
        }
        if (!replays.isEmpty()) {
            store.addReplays(ns, replays).block(WAIT);
        }
    }

    private void restoreMemories(String ns, Map<String, JsonObject> restored, Tally tally) {
        if (restored.isEmpty()) {
            return;
        }
        long applied = store.lastSequence(ns).block(WAIT);
        for (Map.Entry<String, JsonObject> entry : restored.entrySet()) {
            String agent = entry.getKey();
            AgentMemory memory = AgentMemory.restore(AgentMemoryJson.fromJson(entry.getValue()), memories.policy());
            Long saved = memoryStore.save(ns, agent, 0, MemoryProjector.document(memory, applied)).block(WAIT);
            if (saved == null) {
                tally.memoriesSkipped.add(agent);
            } else {
                tally.memoriesRestored++;
            }
        }
    }
}
