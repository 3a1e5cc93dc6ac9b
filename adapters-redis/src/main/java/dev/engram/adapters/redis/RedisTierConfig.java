package dev.engram.adapters.redis;

import dev.engram.application.config.ConfigSection;
import dev.engram.domain.error.DomainException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * The hot tier's settings ({@code redis.tiers.*}), after seed 002's short-term and intermediate memory: two levels
 * told apart by key prefix ({@code st}, {@code it}; never by database number, which a cluster does not have).
 *
 * <pre>
 * redis:
 *   tiers:
 *     short_term:   {ttl: 24h, max_per_agent: 1000}                 # plain JSON copies
 *     intermediate: {enabled: true, ttl: 7d, max_per_agent: 10000}  # deflated copies
 * </pre>
 *
 * A copy lives {@code ttl} after it was put; an agent keeps at most {@code max_per_agent} copies per level (the
 * oldest go first). Both only ever drop copies: the long-term store holds every trajectory.
 */
public record RedisTierConfig(Duration shortTermTtl, int shortTermMax, boolean intermediate, Duration intermediateTtl, int intermediateMax) {
    public static final RedisTierConfig DEFAULTS = new RedisTierConfig(Duration.ofHours(24), 1_000, true, Duration.ofDays(7), 10_000);
    private static final int MAX = 10_000_000;

    public RedisTierConfig {
        Objects.requireNonNull(shortTermTtl, "shortTermTtl");
        Objects.requireNonNull(intermediateTtl, "intermediateTtl");
        positive("redis.tiers.short_term.ttl", shortTermTtl);
        positive("redis.tiers.intermediate.ttl", intermediateTtl);
        if (shortTermMax < 1 || intermediateMax < 1) {
            throw DomainException.invalidArgument(shortTermMax < 1 ? "redis.tiers.short_term.max_per_agent" : "redis.tiers.intermediate.max_per_agent",
                    "must be at least 1");
        }
    }

    private static void positive(String key, Duration value) {
        if (value.toMillis() < 1) {
            throw DomainException.invalidArgument(key, "must be a positive duration, got " + value);
        }
    }

    /** Reads {@code redis.tiers}; unknown keys and bad values are refused with the key named. */
    public static RedisTierConfig from(ConfigSection tiers) {
        tiers.refuseUnknown(Set.of("short_term", "intermediate"));
        ConfigSection st = tiers.section("short_term");
        st.refuseUnknown(Set.of("ttl", "max_per_agent"));
        ConfigSection it = tiers.section("intermediate");
        it.refuseUnknown(Set.of("enabled", "ttl", "max_per_agent"));
        RedisTierConfig d = DEFAULTS;
        return new RedisTierConfig(
                st.duration("ttl", d.shortTermTtl()), (int) st.integer("max_per_agent", d.shortTermMax(), 1, MAX),
                it.bool("enabled", d.intermediate()),
                it.duration("ttl", d.intermediateTtl()), (int) it.integer("max_per_agent", d.intermediateMax(), 1, MAX));
    }

    /** Caps of another size (tests, benchmarks). */
    public RedisTierConfig withCaps(int shortTerm, int intermediate) {
        return new RedisTierConfig(shortTermTtl, shortTerm, this.intermediate, intermediateTtl, intermediate);
    }

    /** How long a tombstone keeps a removed id (or agent, or cutoff) out: as long as any copy could live. */
    Duration tombstoneTtl() {
        return intermediate && intermediateTtl.compareTo(shortTermTtl) > 0 ? intermediateTtl : shortTermTtl;
    }
}
