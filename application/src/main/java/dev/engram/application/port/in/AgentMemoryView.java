package dev.engram.application.port.in;

import dev.engram.domain.memory.AgentMemoryState;
import dev.engram.domain.memory.MemorySummary;

/** An agent's memory as {@code memory show} presents it: the whole state (rules, cards, scores) and its summary. */
public record AgentMemoryView(String namespace, AgentMemoryState state, MemorySummary summary) {
}
