package dev.engram.application.port.out;

import dev.engram.domain.json.JsonObject;
import java.util.Objects;

/**
 * An agent's memory aggregate as a store keeps it: its JSON state (the domain maps the aggregate to and from it)
 * and the version that guards concurrent updates. Version 1 is the first save.
 */
public record StoredMemory(String namespace, String agentId, long version, JsonObject state) {
    public StoredMemory {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(state, "state");
        if (version < 1) {
            throw new IllegalArgumentException("a stored memory has version 1 or more, got " + version);
        }
    }
}
