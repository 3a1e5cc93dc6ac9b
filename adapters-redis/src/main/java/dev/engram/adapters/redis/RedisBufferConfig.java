package dev.engram.adapters.redis;

import dev.engram.application.config.BufferPolicy;
import dev.engram.application.config.ConfigSection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code redis.buffer} section: engram's write buffer policy ({@link BufferPolicy}: batch_size, interval,
 * claim_idle, ack, fallback_retry, maxlen, group) and the number of partition streams.
 *
 * <pre>
 * redis:
 *   buffer:
 *     partitions: 8     # partition streams {engram:p0}:log … (fixed once data was written: agents and ids map to one by CRC-32)
 *     batch_size: 1000
 *     ...
 * </pre>
 */
record RedisBufferConfig(BufferPolicy policy, int partitions) {
    static final int DEFAULT_PARTITIONS = 8;

    RedisBufferConfig {
        Objects.requireNonNull(policy, "policy");
    }

    static RedisBufferConfig from(ConfigSection section) {
        Set<String> known = new HashSet<>(BufferPolicy.KEYS);
        known.add("partitions");
        section.refuseUnknown(known);
        int partitions = (int) section.integer("partitions", DEFAULT_PARTITIONS, 1, 1024);
        return new RedisBufferConfig(BufferPolicy.from(section, Set.of("partitions")), partitions);
    }
}
