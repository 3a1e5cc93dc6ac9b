package dev.engram.application.service;

import dev.engram.application.config.BufferPolicy;
import dev.engram.application.config.EngramSettings;
import dev.engram.application.port.in.BuildMemoryContextUseCase;
import dev.engram.application.port.in.ConsolidateUseCase;
import dev.engram.application.port.in.DeleteTrajectoryUseCase;
import dev.engram.application.port.in.ExportUseCase;
import dev.engram.application.port.in.ForgetAgentUseCase;
import dev.engram.application.port.in.GetTrajectoryUseCase;
import dev.engram.application.port.in.ImportSeedMemoryUseCase;
import dev.engram.application.port.in.ImportUseCase;
import dev.engram.application.port.in.ListTrajectoriesUseCase;
import dev.engram.application.port.in.PruneUseCase;
import dev.engram.application.port.in.RecordTrajectoriesUseCase;
import dev.engram.application.port.in.SampleReplayUseCase;
import dev.engram.application.port.in.ShowMemoryUseCase;
import dev.engram.application.port.in.StatisticsUseCase;
import dev.engram.application.port.in.TopTrajectoriesUseCase;
import dev.engram.application.port.in.UpdatePrioritiesUseCase;
import dev.engram.application.port.out.Clock;
import dev.engram.application.port.out.Consolidator;
import dev.engram.application.port.out.ExperienceLog;
import dev.engram.application.port.out.MemoryStore;
import dev.engram.application.port.out.RandomSource;
import dev.engram.application.port.out.ReplaySnapshotStore;
import dev.engram.application.port.out.TrajectoryStore;
import dev.engram.domain.error.DomainException;
import dev.engram.domain.memory.TokenCounter;
import dev.engram.domain.trajectory.TrajectoryReader;

/**
 * Every use case, wired by hand from the outbound ports and the settings (no injector needed: the wiring module
 * only supplies the ports). One instance per process; the use cases share the replay indexes and memory projector.
 */
public final class EngramServices {
    private final RecordService record;
    private final GetTrajectoryService get;
    private final ListTrajectoriesService list;
    private final SampleService sample;
    private final UpdatePrioritiesService priorities;
    private final TopTrajectoriesService top;
    private final StatisticsService statistics;
    private final PruneService prune;
    private final DeleteTrajectoryService delete;
    private final ContextService context;
    private final ShowMemoryService showMemory;
    private final ForgetService forget;
    private final ConsolidateService consolidate;
    private final ExportService export;
    private final ImportService importer;
    private final SeedMemoryImportService seedMemory;
    private final ReplayIndexes indexes;
    private final TrajectoryStore store;
    private final MemoryProjector memories;
    private final Clock clock;
    private final ExperienceLog log;
    private final BufferPolicy policy;
    private final WriteBufferMetrics bufferMetrics = new WriteBufferMetrics();

    public EngramServices(EngramSettings settings, TrajectoryStore store, MemoryStore memoryStore, Consolidator consolidator,
                          ReplaySnapshotStore snapshots, TokenCounter tokens, Clock clock, RandomSource random) {
        this(settings, store, memoryStore, consolidator, snapshots, tokens, clock, random, null, null);
    }

    /**
     * As above, with a write buffer in front of the store when {@code log} is not null: records go to the log
     * (as {@code policy} says), and {@link #worker(String)} drains it into {@code store}.
     */
    public EngramServices(EngramSettings settings, TrajectoryStore store, MemoryStore memoryStore, Consolidator consolidator,
                          ReplaySnapshotStore snapshots, TokenCounter tokens, Clock clock, RandomSource random,
                          ExperienceLog log, BufferPolicy policy) {
        if ((log == null) != (policy == null)) {
            throw new IllegalArgumentException("a write buffer needs both its log and its policy");
        }
        this.store = store;
        this.clock = clock;
        this.log = log;
        this.policy = policy;
        ContextCache contexts = new ContextCache(settings.contextCacheTtl().toNanos(), System::nanoTime);
        memoryStore = new WatchedMemoryStore(memoryStore, contexts);
        TrajectoryReader reader = new TrajectoryReader(settings.limits(), settings.redactor());
        TrajectoryIds ids = new TrajectoryIds(clock, random);
        MemoryProjector memories = new MemoryProjector(store, memoryStore, consolidator, settings.memory());
        indexes = new ReplayIndexes(store, snapshots, settings.replay(), settings.snapshotEvery());
        this.memories = memories;
        RecordSink sink = log == null ? new DirectSink(store) : new BufferedSink(log, store, policy, clock, bufferMetrics);
        record = new RecordService(reader, sink, memories, clock, ids);
        get = new GetTrajectoryService(store);
        list = new ListTrajectoriesService(store);
        sample = new SampleService(indexes, store, random);
        priorities = new UpdatePrioritiesService(store);
        top = new TopTrajectoriesService(store);
        statistics = new StatisticsService(store, indexes, memories, log, policy);
        prune = new PruneService(store, clock);
        delete = new DeleteTrajectoryService(store);
        context = new ContextService(memories, tokens, contexts);
        showMemory = new ShowMemoryService(memories);
        forget = new ForgetService(store, memoryStore, indexes);
        consolidate = new ConsolidateService(memories, memoryStore);
        export = new ExportService(store, memoryStore);
        importer = new ImportService(reader, store, memoryStore, memories, clock, ids);
        seedMemory = new SeedMemoryImportService(store, memoryStore, memories);
    }

    public RecordTrajectoriesUseCase record() {
        return record;
    }

    public GetTrajectoryUseCase get() {
        return get;
    }

    public ListTrajectoriesUseCase list() {
        return list;
    }

    public SampleReplayUseCase sample() {
        return sample;
    }

    public UpdatePrioritiesUseCase priorities() {
        return priorities;
    }

    public TopTrajectoriesUseCase top() {
        return top;
    }

    public StatisticsUseCase statistics() {
        return statistics;
    }

    public PruneUseCase prune() {
        return prune;
    }

    public DeleteTrajectoryUseCase delete() {
        return delete;
    }

    public BuildMemoryContextUseCase context() {
        return context;
    }

    public ShowMemoryUseCase showMemory() {
        return showMemory;
    }

    public ForgetAgentUseCase forget() {
        return forget;
    }

    public ConsolidateUseCase consolidate() {
        return consolidate;
    }

    public ExportUseCase export() {
        return export;
    }

    public ImportUseCase importer() {
        return importer;
    }

    public ImportSeedMemoryUseCase importSeedMemory() {
        return seedMemory;
    }

    /** Whether a write buffer is configured in front of the store. */
    public boolean buffered() {
        return log != null;
    }

    /** The write buffer's counters (all zero without a buffer). */
    public WriteBufferMetrics bufferMetrics() {
        return bufferMetrics;
    }

    /** The experience log of the write buffer, when one is configured (a live feed can tail it). */
    public java.util.Optional<ExperienceLog> experienceLog() {
        return java.util.Optional.ofNullable(log);
    }

    /**
     * A write-behind worker draining the buffer into the store, as consumer {@code consumer} of the buffer's group (a
     * restarted worker of the same name first finishes what it had read). Refused without a buffer.
     */
    public WriteBehindWorker worker(String consumer) {
        if (log == null) {
            throw DomainException.invalidArgument("buffer", "no write buffer is configured (buffer: none), so there is nothing "
                    + "to drain: records go straight into the store");
        }
        return new WriteBehindWorker(log, store, memories, policy, consumer, clock, bufferMetrics);
    }

    /** Writes the replay snapshot of the namespace now (a one-shot process calls this before it exits). */
    public void saveReplaySnapshot(String namespace) {
        indexes.snapshot(namespace);
    }
}
