package dev.engram.application.port.in;

import dev.engram.domain.trajectory.Trajectory;
import java.util.List;
import reactor.core.publisher.Mono;

public interface TopTrajectoriesUseCase {
    Mono<List<Trajectory>> top(TopQuery query);
}
