package dev.engram.application.service;

import dev.engram.application.port.in.InputItem;
import dev.engram.application.port.in.RecordCommand;
import dev.engram.application.port.in.RecordReport;
import dev.engram.application.port.in.RecordReport.ItemResult;
import dev.engram.application.port.in.RecordReport.Status;
import dev.engram.application.port.in.RecordTrajectoriesUseCase;
import dev.engram.application.port.out.Clock;
import dev.engram.application.port.out.TrajectoryStore;
import dev.engram.domain.error.Violation;
import dev.engram.domain.trajectory.ReadContext;
import dev.engram.domain.trajectory.ReadResult;
import dev.engram.domain.trajectory.Trajectory;
import dev.engram.domain.trajectory.TrajectoryReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Records a batch: reads every item (redaction, then validation — every problem of every item), refuses the
 * batch when anything is wrong unless partial, stores it idempotently, and then — only for what the store reports
 * newly inserted — brings the agents' memories up to date. The replay index follows the store's change feed by
 * itself at the next sample, so it cannot disagree with the store either.
 *
 * <p>Order and recovery: the store is written first and is the truth; the memory catch-up after it is idempotent
 * (see {@link MemoryProjector}). A crash in between leaves the memory behind until the next catch-up, never ahead,
 * never double-counted.
 */
public final class RecordService implements RecordTrajectoriesUseCase {
    private final TrajectoryReader reader;
    private final RecordSink sink;
    private final MemoryProjector memories;
    private final Clock clock;
    private final Supplier<String> ids;

    RecordService(TrajectoryReader reader, TrajectoryStore store, MemoryProjector memories, Clock clock, Supplier<String> ids) {
        this(reader, new DirectSink(store), memories, clock, ids);
    }

    RecordService(TrajectoryReader reader, RecordSink sink, MemoryProjector memories, Clock clock, Supplier<String> ids) {
        this.reader = reader;
        this.sink = sink;
        this.memories = memories;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public Mono<RecordReport> record(RecordCommand command) {
        return Mono.fromCallable(() -> recordNow(command)).subscribeOn(UseCaseThreads.SCHEDULER);
    }

    RecordReport recordNow(RecordCommand command) {
        Instant now = clock.now();
        ReadContext context = new ReadContext(now, ids, command.defaultAgentId());
        List<ItemResult> results = new ArrayList<>(command.items().size());
        List<Trajectory> valid = new ArrayList<>();
        List<Integer> validAt = new ArrayList<>();
        Map<String, Trajectory> firstById = new HashMap<>();
        for (InputItem item : command.items()) {
            if (item.parseError() != null) {
                results.add(new ItemResult(item.index(), item.line(), null, Status.INVALID, List.of(new Violation("", item.parseError()))));
                continue;
            }
            ReadResult read = reader.read(item.value(), context);
            if (!read.ok()) {
                results.add(new ItemResult(item.index(), item.line(), item.sentTrajectoryId(), Status.INVALID, read.violations()));
                continue;
            }
            Trajectory t = read.trajectory();
            Trajectory earlier = firstById.putIfAbsent(t.trajectoryId(), t);
            if (earlier != null) {
                // the same id twice in one batch: a repeat is a no-op, a different content a conflict
                boolean same = earlier.contentHash().equals(t.contentHash());
                results.add(new ItemResult(item.index(), item.line(), t.trajectoryId(), same ? Status.UNCHANGED : Status.CONFLICT,
                        same ? List.of() : List.of(new Violation("trajectory_id", "appears earlier in this batch with other content"))));
                continue;
            }
            results.add(null);
            validAt.add(results.size() - 1);
            valid.add(t);
        }
        boolean refused = results.stream().anyMatch(r -> r != null && (r.status() == Status.INVALID || r.status() == Status.CONFLICT));
        if (refused && !command.partial()) {
            for (int i = 0; i < valid.size(); i++) {
                InputItem item = command.items().get(validAt.get(i));
                results.set(validAt.get(i), new ItemResult(item.index(), item.line(), valid.get(i).trajectoryId(), Status.NOT_STORED, List.of()));
            }
            return new RecordReport(results);
        }
        RecordSink.Written written = sink.write(command.namespace(), valid, !command.partial());
        for (int i = 0; i < valid.size(); i++) {
            InputItem item = command.items().get(validAt.get(i));
            Status status = written.statuses().get(i);
            List<Violation> problems = status == Status.CONFLICT
                    ? List.of(new Violation("trajectory_id", "is already stored with other content"))
                    : List.of();
            results.set(validAt.get(i), new ItemResult(item.index(), item.line(), valid.get(i).trajectoryId(), status, problems));
        }
        // only what the long-term store newly inserted teaches the memory now (a buffered record: the worker's part)
        Map<String, Trajectory> inserted = new HashMap<>();
        Set<String> agents = new LinkedHashSet<>();
        for (Trajectory t : written.inserted()) {
            inserted.put(t.trajectoryId(), t);
            agents.add(t.agentId());
        }
        for (String agent : agents) {
            memories.catchUpAfterWrite(command.namespace(), agent, inserted);
        }
        return new RecordReport(results);
    }
}
