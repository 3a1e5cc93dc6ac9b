package dev.engram.application.port.in;

import reactor.core.publisher.Mono;

public interface StatisticsUseCase {
    Mono<StatisticsReport> statistics(StatisticsQuery query);
}
