package dev.engram.application.service;

import dev.engram.application.port.in.ListTrajectoriesQuery;
import dev.engram.application.port.in.ListTrajectoriesUseCase;
import dev.engram.application.port.out.TrajectoryStore;
import dev.engram.application.query.TrajectoryPage;
import dev.engram.application.query.TrajectoryQuery;
import reactor.core.publisher.Mono;

/** Pages through trajectories, newest first. */
public final class ListTrajectoriesService implements ListTrajectoriesUseCase {
    private final TrajectoryStore store;

    ListTrajectoriesService(TrajectoryStore store) {
        this.store = store;
    }

    @Override
    public Mono<TrajectoryPage> list(ListTrajectoriesQuery query) {
        return store.query(query.namespace(), new TrajectoryQuery(query.filter(), TrajectoryQuery.Order.NEWEST_FIRST, query.limit(), query.cursor()));
    }
}
