package dev.engram.application.service;

import dev.engram.application.port.in.StatisticsQuery;
import dev.engram.application.port.in.StatisticsReport;
import dev.engram.application.port.in.StatisticsUseCase;
import dev.engram.application.config.BufferPolicy;
import dev.engram.application.port.out.ExperienceLog;
import dev.engram.application.port.out.TrajectoryStore;
import dev.engram.application.query.TrajectoryFilter;
import dev.engram.domain.memory.MemorySummary;
import dev.engram.domain.replay.ReplayStats;
import dev.engram.domain.stats.TrajectoryStatistics;
import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Statistics from the store (by aggregation, not by loading trajectories), the replay index's figures (its replay
 * total taken from the store, where every process adds its draws), and the agent's memory summary.
 */
public final class StatisticsService implements StatisticsUseCase {
    private static final Logger LOG = LoggerFactory.getLogger(StatisticsService.class);
    private static final Duration WAIT = Duration.ofMinutes(10);

    private final TrajectoryStore store;
    private final ReplayIndexes indexes;
    private final MemoryProjector memories;

    private final ExperienceLog log;
    private final BufferPolicy policy;

    StatisticsService(TrajectoryStore store, ReplayIndexes indexes, MemoryProjector memories) {
        this(store, indexes, memories, null, null);
    }

    StatisticsService(TrajectoryStore store, ReplayIndexes indexes, MemoryProjector memories, ExperienceLog log, BufferPolicy policy) {
        this.log = log;
        this.policy = policy;
        this.store = store;
        this.indexes = indexes;
        this.memories = memories;
    }

    @Override
    public Mono<StatisticsReport> statistics(StatisticsQuery query) {
        return Mono.fromCallable(() -> {
            TrajectoryFilter filter = new TrajectoryFilter(query.agentId(), query.taskId(), null, null, null, null);
            TrajectoryStatistics trajectories = store.statistics(query.namespace(), filter, query.bucket()).block(WAIT);
            ReplayStats index = indexes.withIndex(query.namespace(), i -> i.stats());
            Long total = store.totalReplays(query.namespace()).block(WAIT);
            ReplayStats replay = new ReplayStats(index.size(), total == null ? 0 : total, index.meanLoss(), index.domainDistribution());
            MemorySummary memory = null;
            if (query.agentId() != null) {
                MemoryProjector.Loaded loaded = memories.catchUp(query.namespace(), query.agentId());
                memory = loaded.exists() ? loaded.memory().summary() : null;
            }
            StatisticsReport.BufferStatus buffer = null;
            if (log != null) {
                try {
                    ExperienceLog.Backlog backlog = log.backlog(policy.group()).block(WAIT);
                    buffer = new StatisticsReport.BufferStatus(backlog.lag(), backlog.pending());
                } catch (DomainException e) {
                    if (e.code() != ErrorCode.BACKEND_UNAVAILABLE) {
                        throw e;
                    }
                    // the store's figures are still right; the buffer's are unknown while it is down
                    LOG.warn("the write buffer's backlog is unknown: {}", e.getMessage());
                }
            }
            return new StatisticsReport(trajectories, replay, buffer, memory);
        }).subscribeOn(UseCaseThreads.SCHEDULER);
    }
}
