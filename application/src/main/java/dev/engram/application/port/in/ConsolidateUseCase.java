package dev.engram.application.port.in;

import java.util.List;
import reactor.core.publisher.Mono;

public interface ConsolidateUseCase {
    Mono<List<ConsolidationReport>> consolidate(ConsolidateCommand command);
}
