package dev.engram.application.config;

import dev.engram.domain.error.DomainException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * How the write buffer and its write-behind worker behave (a buffer plugin's {@code buffer} section, e.g.
 * {@code redis.buffer}), with seed 002's defaults:
 *
 * <pre>
 * batch_size: 1000        # entries the worker moves to the long-term store at once
 * interval: 5s            # how long the worker waits for new entries before it looks again (and flushes what it has)
 * claim_idle: 1m          # entries pending this long at another consumer (a dead worker) are claimed
 * ack: buffered           # buffered: a record is acknowledged once it is in the log; durable: once the long-term store holds it
 * fallback_retry: 1s      # with the log down, records go straight to the long-term store; the log is tried again this often
 * maxlen: 1000000         # about this many entries kept per partition stream (never trims what a group has not acknowledged); 0: no cap
 * group: engram           # the consumer group of the workers
 * </pre>
 */
public record BufferPolicy(int batchSize, Duration interval, Duration claimIdle, Ack ack, Duration fallbackRetry, long maxLen, String group) {
    public static final Set<String> KEYS = Set.of("batch_size", "interval", "claim_idle", "ack", "fallback_retry", "maxlen", "group");
    public static final BufferPolicy DEFAULTS = new BufferPolicy(1000, Duration.ofSeconds(5), Duration.ofMinutes(1), Ack.BUFFERED,
            Duration.ofSeconds(1), 1_000_000, "engram");

    /** When a record is acknowledged. */
    public enum Ack {
        /** Once the log holds it (as durably as the log's server persists: Redis's appendfsync). */
        BUFFERED,
        /** Once the long-term store holds it too. */
        DURABLE
    }

    public BufferPolicy {
        Objects.requireNonNull(ack, "ack");
        Objects.requireNonNull(group, "group");
        if (batchSize < 1 || batchSize > 100_000) {
            throw DomainException.invalidArgument("buffer.batch_size", "must be between 1 and 100000, got " + batchSize);
        }
        positive("buffer.interval", interval);
        positive("buffer.claim_idle", claimIdle);
        positive("buffer.fallback_retry", fallbackRetry);
        if (maxLen < 0) {
            throw DomainException.invalidArgument("buffer.maxlen", "must be 0 (no cap) or positive, got " + maxLen);
        }
        if (!group.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw DomainException.invalidArgument("buffer.group", "must be 1 to 64 letters, digits, _ . or -, got '" + group + "'");
        }
    }

    private static void positive(String key, Duration value) {
        Objects.requireNonNull(value, key);
        if (value.isNegative() || value.isZero()) {
            throw DomainException.invalidArgument(key, "must be a positive duration, got " + value);
        }
    }

    /** Reads a buffer section; unknown keys and bad values are refused with the key named. */
    public static BufferPolicy from(ConfigSection section) {
        return from(section, Set.of());
    }

    /** As {@link #from(ConfigSection)}, the plugin's own keys of the section ({@code pluginKeys}) being allowed too. */
    public static BufferPolicy from(ConfigSection section, Set<String> pluginKeys) {
        java.util.Set<String> known = new java.util.HashSet<>(KEYS);
        known.addAll(pluginKeys);
        section.refuseUnknown(known);
        BufferPolicy d = DEFAULTS;
        String ack = section.string("ack", "buffered").trim().toUpperCase(Locale.ROOT);
        if (!Set.of("BUFFERED", "DURABLE").contains(ack)) {
            throw section.bad("ack", "must be buffered or durable, got '" + section.string("ack", "") + "'");
        }
        return new BufferPolicy(
                (int) section.integer("batch_size", d.batchSize(), 1, 100_000),
                positive(section, "interval", d.interval()),
                positive(section, "claim_idle", d.claimIdle()),
                Ack.valueOf(ack),
                positive(section, "fallback_retry", d.fallbackRetry()),
                section.integer("maxlen", d.maxLen(), 0, Long.MAX_VALUE),
                section.string("group", d.group()).trim());
    }

    private static Duration positive(ConfigSection section, String key, Duration fallback) {
        Duration value = section.duration(key, fallback);
        if (value.isZero() || value.isNegative()) {
            throw section.bad(key, "must be a positive duration, got " + value);
        }
        return value;
    }

    public BufferPolicy withInterval(Duration other) {
        return new BufferPolicy(batchSize, other, claimIdle, ack, fallbackRetry, maxLen, group);
    }

    public BufferPolicy withClaimIdle(Duration other) {
        return new BufferPolicy(batchSize, interval, other, ack, fallbackRetry, maxLen, group);
    }

    public BufferPolicy withAck(Ack other) {
        return new BufferPolicy(batchSize, interval, claimIdle, other, fallbackRetry, maxLen, group);
    }
}
