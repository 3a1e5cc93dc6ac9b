package dev.engram.application.port.in;

import reactor.core.publisher.Mono;

public interface ImportUseCase {
    Mono<ImportReport> importItems(ImportCommand command);
}
