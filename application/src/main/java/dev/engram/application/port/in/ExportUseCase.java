package dev.engram.application.port.in;

import dev.engram.domain.json.JsonObject;
import reactor.core.publisher.Flux;

/** Streams a namespace's contents, one JSON object per line, in constant memory. */
public interface ExportUseCase {
    Flux<JsonObject> export(ExportQuery query);
}
