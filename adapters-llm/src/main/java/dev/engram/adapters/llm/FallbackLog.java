package dev.engram.adapters.llm;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the consolidations that fell back to the heuristic, and logs each one once: a single warning with the
 * reason and the running count, never a stack trace (the reasons are {@link ChatFailure} texts, written to be
 * shown). Retries and format downgrades inside one consolidation are not fallbacks and log at debug or info.
 */
final class FallbackLog {
    private static final Logger LOG = LoggerFactory.getLogger(OpenAiConsolidator.class);

    private final AtomicLong fallbacks = new AtomicLong();

    void record(String namespace, String agentId, String reason) {
        long count = fallbacks.incrementAndGet();
        LOG.warn("LLM consolidation of agent {} (namespace {}) fell back to the heuristic: {} [fallback {} since start]",
                agentId, namespace, reason, count);
    }

    long count() {
        return fallbacks.get();
    }
}
