package dev.engram.application.service;

import dev.engram.application.port.in.AgentMemoryView;
import dev.engram.application.port.in.Namespaces;
import dev.engram.application.port.in.ShowMemoryUseCase;
import reactor.core.publisher.Mono;

public final class ShowMemoryService implements ShowMemoryUseCase {
    private final MemoryProjector memories;

    ShowMemoryService(MemoryProjector memories) {
        this.memories = memories;
    }

    @Override
    public Mono<AgentMemoryView> show(String namespace, String agentId) {
        return Mono.fromCallable(() -> {
            MemoryProjector.Loaded loaded = memories.catchUp(Namespaces.check(namespace), Namespaces.checkAgent(agentId));
            return loaded.exists() ? new AgentMemoryView(namespace, loaded.memory().state(), loaded.memory().summary()) : null;
        }).subscribeOn(UseCaseThreads.SCHEDULER);
    }
}
