package dev.engram.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.domain.memory.MemoryContext;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ContextCacheTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final ContextCache cache = new ContextCache(1_000_000_000L, now::get);
    private static final MemoryContext TEXT = new MemoryContext("rules", 1, List.of(), 0);

    private MemoryContext context(String namespace, String agentId, String taskId, int maxTokens) {
        ContextCache.Entry entry = cache.lookup(namespace, agentId, taskId, maxTokens);
        return entry == null ? null : entry.context();
    }

    @Test
    void anEntryIsServedUntilItExpires() {
        cache.put("ns", "a", "t", 500, cache.generation("ns", "a"), TEXT);
        assertThat(context("ns", "a", "t", 500)).isSameAs(TEXT);
        assertThat(context("ns", "a", "t", 400)).as("another budget is another text").isNull();
        assertThat(context("ns", "a", null, 500)).isNull();
        assertThat(context("other", "a", "t", 500)).as("namespaces are apart").isNull();
        now.addAndGet(999_999_999L);
        assertThat(context("ns", "a", "t", 500)).isSameAs(TEXT);
        now.addAndGet(1);
        assertThat(context("ns", "a", "t", 500)).isNull();
    }

    @Test
    void aWriteDropsTheAgentsEntriesAndAnyRenderedBeforeIt() {
        cache.put("ns", "a", "t", 500, cache.generation("ns", "a"), TEXT);
        cache.put("ns", "b", "t", 500, cache.generation("ns", "b"), TEXT);
        long before = cache.generation("ns", "a");
        cache.invalidate("ns", "a");
        assertThat(context("ns", "a", "t", 500)).isNull();
        assertThat(context("ns", "b", "t", 500)).isSameAs(TEXT);
        // rendered from the memory as it was before the write: not kept
        cache.put("ns", "a", "t", 500, before, TEXT);
        assertThat(context("ns", "a", "t", 500)).isNull();
    }

    @Test
    void anEntryIsDueForARefreshThreeQuartersThroughItsTtl() {
        cache.put("ns", "a", "t", 500, cache.generation("ns", "a"), TEXT);
        ContextCache.Entry entry = cache.lookup("ns", "a", "t", 500);
        now.addAndGet(749_999_999L);
        assertThat(cache.refreshDue(entry)).isFalse();
        now.addAndGet(1);
        assertThat(cache.refreshDue(entry)).isTrue();
        assertThat(cache.lookup("ns", "a", "t", 500)).as("due, and still served").isSameAs(entry);
    }

    @Test
    void aZeroTtlIsOff() {
        assertThat(new ContextCache(0, now::get).enabled()).isFalse();
        assertThat(cache.enabled()).isTrue();
    }
}
