package dev.engram.application.port.out;

import reactor.core.publisher.Mono;

/**
 * Turns an agent's memory and recent evidence into rule changes. The heuristic is a pure function of the domain,
 * wrapped by the application; an LLM plugin may take its place. An implementation never fails for a bad answer
 * or a dead endpoint: it falls back to the heuristic and says why in the result.
 */
public interface Consolidator {
    /** {@code heuristic}, or the plugin's name. */
    String name();

    Mono<Consolidation> consolidate(ConsolidationInput input);
}
