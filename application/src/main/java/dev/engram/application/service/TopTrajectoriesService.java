package dev.engram.application.service;

import dev.engram.application.port.in.TopQuery;
import dev.engram.application.port.in.TopTrajectoriesUseCase;
import dev.engram.application.port.out.TrajectoryStore;
import dev.engram.application.query.TrajectoryFilter;
import dev.engram.application.query.TrajectoryQuery;
import dev.engram.domain.trajectory.Outcome;
import dev.engram.domain.trajectory.Trajectory;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The best runs of a task (successes, highest reward first) and the worst (failures, lowest reward first; among
 * equal rewards the newest first), for contrastive examples. Served by the store's index on (task, outcome, reward).
 */
public final class TopTrajectoriesService implements TopTrajectoriesUseCase {
    private final TrajectoryStore store;

    TopTrajectoriesService(TrajectoryStore store) {
        this.store = store;
    }

    @Override
    public Mono<List<Trajectory>> top(TopQuery query) {
        boolean successes = query.kind() == TopQuery.Kind.SUCCESSES;
        TrajectoryFilter filter = TrajectoryFilter.ALL.withTask(query.taskId()).withOutcome(successes ? Outcome.SUCCESS : Outcome.FAILURE);
        TrajectoryQuery.Order order = successes ? TrajectoryQuery.Order.REWARD_DESC : TrajectoryQuery.Order.REWARD_ASC;
        return store.query(query.namespace(), new TrajectoryQuery(filter, order, query.n(), null)).map(page -> page.items());
    }
}
