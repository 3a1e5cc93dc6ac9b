package dev.engram.application.service;

import dev.engram.application.port.out.Consolidation;
import dev.engram.application.port.out.ConsolidationInput;
import dev.engram.application.port.out.Consolidator;
import dev.engram.domain.memory.HeuristicConsolidation;
import reactor.core.publisher.Mono;

/** The built-in consolidator: seed 004's heuristic (high-scoring episodes become global rules), a pure function. */
public final class HeuristicConsolidator implements Consolidator {
    public static final String NAME = "heuristic";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Mono<Consolidation> consolidate(ConsolidationInput input) {
        return Mono.fromSupplier(() -> new Consolidation(
                HeuristicConsolidation.changes(input.memory().episodeLog(), input.policy()), NAME, null));
    }
}
