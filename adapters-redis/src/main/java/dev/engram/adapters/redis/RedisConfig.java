package dev.engram.adapters.redis;

import dev.engram.application.config.ConfigSection;
import dev.engram.domain.error.DomainException;
import dev.engram.domain.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The settings of the {@code redis} plugin ({@code redis.*} in the configuration).
 *
 * <pre>
 * redis:
 *   uri: redis://localhost:6379       # redis[s]://[user:password@]host:port[/db], or redis-sentinel://h1:26379,h2:26379/0#master
 *   mode: auto                        # auto (asks the server whether it is a cluster node), standalone or cluster
 *   cluster_seeds: []                 # more cluster nodes to discover the topology from (uri is the first)
 *   key_prefix: engram                # every key starts with {prefix:namespace}; one hash tag per namespace
 *   connect_timeout: 10s
 *   command_timeout: 10s
 *   retention: none                   # as the only store Redis keeps everything; a duration drops older trajectories
 *   tiers: {...}                      # the hot tier in front of a long-term store (RedisTierConfig)
 *   buffer: {...}                     # the write buffer (read by the buffer role)
 * </pre>
 *
 * @param uri            the server, Sentinel or first cluster node
 * @param mode           how to talk to it
 * @param clusterSeeds   further cluster nodes (URIs)
 * @param keyPrefix      the first part of every key (no braces, no spaces)
 * @param connectTimeout how long connecting may take
 * @param commandTimeout how long one command may take before it counts as "backend unavailable"
 * @param retention      how long trajectories are kept by the standalone store; {@code null} keeps everything
 * @param tiers          the hot tier ({@code redis.tiers})
 * @param buffer         the raw {@code redis.buffer} section, read by the write buffer
 */
public record RedisConfig(String uri, Mode mode, List<String> clusterSeeds, String keyPrefix, Duration connectTimeout,
                          Duration commandTimeout, Duration retention, RedisTierConfig tiers, ConfigSection buffer) {
    public static final String DEFAULT_URI = "redis://localhost:6379";
    public static final String DEFAULT_KEY_PREFIX = "engram";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    static final Set<String> KEYS = Set.of("uri", "mode", "cluster_seeds", "key_prefix", "connect_timeout", "command_timeout",
            "retention", "tiers", "buffer");

    /** How the plugin connects. */
    enum Mode {
        /** Connect to {@code uri}; if the server is a cluster node ({@code cluster_enabled:1}), use the cluster client. */
        AUTO,
        /** One server (or a Sentinel-monitored master). */
        STANDALONE,
        /** A Redis Cluster, discovered from {@code uri} and {@code cluster_seeds}. */
        CLUSTER
    }

    public RedisConfig {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(mode, "mode");
        clusterSeeds = List.copyOf(clusterSeeds);
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(commandTimeout, "commandTimeout");
        Objects.requireNonNull(tiers, "tiers");
        Objects.requireNonNull(buffer, "buffer");
        if (uri.isBlank()) {
            throw DomainException.invalidArgument("redis.uri", "must be a Redis URI like redis://localhost:6379, got an empty value");
        }
        if (keyPrefix.isEmpty() || !keyPrefix.matches("[A-Za-z0-9_.:-]+")) {
            throw DomainException.invalidArgument("redis.key_prefix", "must be letters, digits and _ . : - only, got '" + keyPrefix + "'");
        }
        positive("redis.connect_timeout", connectTimeout);
        positive("redis.command_timeout", commandTimeout);
        if (retention != null) {
            positive("redis.retention", retention);
        }
    }

    private static void positive(String key, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw DomainException.invalidArgument(key, "must be a positive duration, got " + value);
        }
    }

    /** Reads the plugin's section; unknown keys and bad values are refused with the key named. */
    public static RedisConfig from(ConfigSection section) {
        section.refuseUnknown(KEYS);
        String mode = section.string("mode", "auto").trim().toUpperCase(Locale.ROOT);
        if (!Set.of("AUTO", "STANDALONE", "CLUSTER").contains(mode)) {
            throw section.bad("mode", "must be auto, standalone or cluster, got '" + section.string("mode", "") + "'");
        }
        String retention = section.string("retention", "none").trim();
        return new RedisConfig(
                section.string("uri", DEFAULT_URI).trim(),
                Mode.valueOf(mode),
                section.strings("cluster_seeds", List.of()),
                section.string("key_prefix", DEFAULT_KEY_PREFIX).trim(),
                section.duration("connect_timeout", DEFAULT_TIMEOUT),
                section.duration("command_timeout", DEFAULT_TIMEOUT),
                retention.equalsIgnoreCase("none") || retention.isEmpty() ? null : section.duration("retention", null),
                RedisTierConfig.from(section.section("tiers")),
                section.section("buffer"));
    }

    /** The defaults for one server at {@code uri} (tests, tools). */
    public static RedisConfig of(String uri) {
        return new RedisConfig(uri, Mode.AUTO, List.of(), DEFAULT_KEY_PREFIX, DEFAULT_TIMEOUT, DEFAULT_TIMEOUT, null,
                RedisTierConfig.DEFAULTS,
                new ConfigSection("redis.buffer", JsonObject.EMPTY));
    }

    /** The same settings with another key prefix (tests: one prefix per test keeps a shared server clean). */
    public RedisConfig withKeyPrefix(String other) {
        return new RedisConfig(uri, mode, clusterSeeds, other, connectTimeout, commandTimeout, retention, tiers, buffer);
    }

    /** The same settings with another mode (tests). */
    public RedisConfig withMode(Mode other) {
        return new RedisConfig(uri, other, clusterSeeds, keyPrefix, connectTimeout, commandTimeout, retention, tiers, buffer);
    }

    /** The same settings with another command timeout (tests). */
    public RedisConfig withCommandTimeout(Duration other) {
        return new RedisConfig(uri, mode, clusterSeeds, keyPrefix, connectTimeout, other, retention, tiers, buffer);
    }

    /** The same settings with other tiers (tests, benchmarks). */
    public RedisConfig withTiers(RedisTierConfig other) {
        return new RedisConfig(uri, mode, clusterSeeds, keyPrefix, connectTimeout, commandTimeout, retention, other, buffer);
    }

    /** The same settings with a retention (tests). */
    public RedisConfig withRetention(Duration other) {
        return new RedisConfig(uri, mode, clusterSeeds, keyPrefix, connectTimeout, commandTimeout, other, tiers, buffer);
    }
}
