package dev.engram.application.port.in;

import dev.engram.application.query.TrajectoryPage;
import reactor.core.publisher.Mono;

public interface ListTrajectoriesUseCase {
    Mono<TrajectoryPage> list(ListTrajectoriesQuery query);
}
