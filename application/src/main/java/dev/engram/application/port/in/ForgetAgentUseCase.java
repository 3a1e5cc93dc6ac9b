package dev.engram.application.port.in;

import reactor.core.publisher.Mono;

/** Erases everything of one agent in a namespace — trajectories, memory, index entries — and nothing else. */
public interface ForgetAgentUseCase {
    Mono<ForgetReport> forget(String namespace, String agentId);
}
