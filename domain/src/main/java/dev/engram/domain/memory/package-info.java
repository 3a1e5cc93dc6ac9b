/**
 * Agent memory: what an agent learned across episodes, kept per agent as one bounded aggregate
 * ({@link dev.engram.domain.memory.AgentMemory}) and rendered as a context for the top of its next system prompt.
 *
 * <p>The behaviour follows seed 004's Python memory module ({@code record_episode}, {@code build_memory_context},
 * {@code maybe_consolidate_memory}, {@code memory_summary}); a golden test replays episodes through both and compares.
 * Where the seed keeps lists that grow forever or scans all history per call, this package keeps bounded structures
 * so that recording and rendering cost the same after a thousand episodes as after a hundred thousand.
 */
package dev.engram.domain.memory;
