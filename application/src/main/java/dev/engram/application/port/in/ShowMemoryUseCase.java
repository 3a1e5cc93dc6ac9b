package dev.engram.application.port.in;

import reactor.core.publisher.Mono;

/** The agent's memory, caught up with what was recorded; empty when the agent has none. */
public interface ShowMemoryUseCase {
    Mono<AgentMemoryView> show(String namespace, String agentId);
}
