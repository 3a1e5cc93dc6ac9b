package dev.engram.application.port.in;

import dev.engram.domain.error.DomainException;

/** The memory context of an agent (for a task, or general), within a token budget. */
public record ContextQuery(String namespace, String agentId, String taskId, int maxTokens) {
    public static final int DEFAULT_MAX_TOKENS = 500;
    public static final int MAX_TOKENS = 100_000;

    public ContextQuery {
        Namespaces.check(namespace);
        Namespaces.checkAgent(agentId);
        if (maxTokens < 1 || maxTokens > MAX_TOKENS) {
            throw DomainException.invalidArgument("max_tokens", "must be between 1 and " + MAX_TOKENS + ", got " + maxTokens);
        }
    }
}
