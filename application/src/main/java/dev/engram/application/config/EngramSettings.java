package dev.engram.application.config;

import dev.engram.domain.memory.MemoryPolicy;
import dev.engram.domain.replay.EvictionPolicy;
import dev.engram.domain.replay.ReplayConfig;
import dev.engram.domain.trajectory.Redactor;
import dev.engram.domain.trajectory.TrajectoryLimits;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The typed form of engram's configuration tree (everything but the plugins' own sections), validated at start:
 * every error names its key.
 *
 * <pre>
 * data_dir: ./engram-data       # where the embedded store and caches live
 * plugins_dir: ./plugins        # extra adapter jars
 * storage: sqlite               # the plugin holding trajectories and memories
 * buffer:                       # a write buffer plugin in front of storage (optional)
 * consolidator: heuristic       # or an LLM plugin
 * limits:    {max_bytes: 1048576, max_steps: 10000, max_depth: 64, max_string_length: 65536}
 * redaction: {enabled: true, keys: [password, passwd, secret, token, api_key, apikey, authorization]}
 * replay:    {capacity: 0, eviction: lowest_priority, epsilon: 1e-6, snapshot_every: 10000}
 * memory:    {rules_per_task: 10, consolidate_every: 20, ...every MemoryPolicy field}
 * context:   {tokenizer: o200k_base, max_tokens: 500, cache_ttl: 0s (engram-server: 1s)}
 * server:    {host, port, key_file, limits…}: engram-server's listener, see {@link ServerSettings}
 * </pre>
 */
public record EngramSettings(
        Path dataDir,
        Path pluginsDir,
        String storage,
        String buffer,
        String consolidator,
        TrajectoryLimits limits,
        Redactor redactor,
        ReplayConfig replay,
        long snapshotEvery,
        MemoryPolicy memory,
        String tokenizer,
        java.time.Duration contextCacheTtl,
        ServerSettings server) {

    public static final Set<String> KEYS = Set.of("data_dir", "plugins_dir", "storage", "buffer", "consolidator", "limits",
            "redaction", "replay", "memory", "context", "server");

    /** Reads the settings; {@code pluginNames} are the sections that belong to plugins and are read by them. */
    public static EngramSettings from(ConfigSection root, Set<String> pluginNames) {
        Set<String> known = new TreeSet<>(KEYS);
        known.addAll(pluginNames);
        // the section of a plugin the roles name is its own even when the plugin is missing: starting then says
        // that the plugin was not found, which is the problem, rather than that its section is not a setting
        for (String role : new String[] {"storage", "buffer", "consolidator"}) {
            String named = root.string(role, null);
            if (named != null && !named.isBlank()) {
                known.add(named);
            }
        }
        root.refuseUnknown(known);
        Path dataDir = root.path("data_dir", Path.of("engram-data"));
        return new EngramSettings(
                dataDir,
                root.path("plugins_dir", Path.of("plugins")),
                root.string("storage", "sqlite"),
                blankToNull(root.string("buffer", null)),
                root.string("consolidator", "heuristic"),
                limits(root.section("limits")),
                redactor(root.section("redaction")),
                replay(root.section("replay")),
                root.section("replay").integer("snapshot_every", 10_000, 1, Long.MAX_VALUE),
                memory(root.section("memory")),
                root.section("context").string("tokenizer", "o200k_base"),
                contextCacheTtl(root.section("context")),
                ServerSettings.from(root.section("server"), dataDir));
    }

    /**
     * How long a rendered context may be served from memory when no write through this process has touched the agent
     * (writes through it drop the entry at once): 0 (the default) renders every time; the server sets 1 s.
     */
    private static java.time.Duration contextCacheTtl(ConfigSection s) {
        java.time.Duration ttl = s.duration("cache_ttl", java.time.Duration.ZERO);
        if (ttl.isNegative()) {
            throw s.bad("cache_ttl", "must not be negative");
        }
        return ttl;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() || value.equalsIgnoreCase("none") ? null : value;
    }

    private static TrajectoryLimits limits(ConfigSection s) {
        s.refuseUnknown(Set.of("max_bytes", "max_steps", "max_depth", "max_string_length"));
        TrajectoryLimits d = TrajectoryLimits.DEFAULT;
        return new TrajectoryLimits(
                (int) s.integer("max_bytes", d.maxBytes(), 1_024, 64L << 20),
                (int) s.integer("max_steps", d.maxSteps(), 1, 1_000_000),
                (int) s.integer("max_depth", d.maxDepth(), 4, 512),
                (int) s.integer("max_string_length", d.maxStringLength(), 1, 16L << 20));
    }

    private static Redactor redactor(ConfigSection s) {
        s.refuseUnknown(Set.of("enabled", "keys"));
        if (!s.bool("enabled", true)) {
            return Redactor.none();
        }
        try {
            return Redactor.of(s.strings("keys", Redactor.DEFAULT_TERMS));
        } catch (IllegalArgumentException e) {
            throw s.bad("keys", e.getMessage());
        }
    }

    private static ReplayConfig replay(ConfigSection s) {
        s.refuseUnknown(Set.of("capacity", "eviction", "epsilon", "snapshot_every"));
        long capacity = s.integer("capacity", 0, 0, ReplayConfig.UNBOUNDED);
        String eviction = s.string("eviction", "lowest_priority").toUpperCase(Locale.ROOT);
        EvictionPolicy policy;
        try {
            policy = EvictionPolicy.valueOf(eviction);
        } catch (IllegalArgumentException e) {
            throw s.bad("eviction", "must be lowest_priority or oldest, got '" + s.string("eviction", "") + "'");
        }
        return ReplayConfig.defaults()
                .withCapacity(capacity == 0 ? ReplayConfig.UNBOUNDED : (int) capacity)
                .withEviction(policy)
                .withEpsilon(s.decimal("epsilon", ReplayConfig.DEFAULT_EPSILON, Double.MIN_VALUE, 1.0));
    }

    private static MemoryPolicy memory(ConfigSection s) {
        MemoryPolicy d = MemoryPolicy.defaults();
        s.refuseUnknown(Set.of("rules_per_task", "global_rules", "works_threshold", "avoid_threshold", "episode_log_size",
                "mistakes_kept", "successes_kept", "mistake_cards_kept", "card_text_limit", "score_window",
                "trajectory_ids_per_rule", "consolidate_every", "high_score_threshold", "consolidated_summary_limit",
                "rules_shown", "mistakes_shown", "cards_shown", "recent_episodes_shown", "episode_summary_limit",
                "context_token_budget"));
        int max = 1_000_000;
        return MemoryPolicy.builder()
                .rulesPerTask((int) s.integer("rules_per_task", d.rulesPerTask(), 1, max))
                .globalRules((int) s.integer("global_rules", d.globalRules(), 1, max))
                .worksThreshold(s.decimal("works_threshold", d.worksThreshold(), 0, 1))
                .avoidThreshold(s.decimal("avoid_threshold", d.avoidThreshold(), 0, 1))
                .episodeLogSize((int) s.integer("episode_log_size", d.episodeLogSize(), 1, max))
                .mistakesKept((int) s.integer("mistakes_kept", d.mistakesKept(), 1, max))
                .successesKept((int) s.integer("successes_kept", d.successesKept(), 1, max))
                .mistakeCardsKept((int) s.integer("mistake_cards_kept", d.mistakeCardsKept(), 1, max))
                .cardTextLimit((int) s.integer("card_text_limit", d.cardTextLimit(), 1, max))
                .scoreWindow((int) s.integer("score_window", d.scoreWindow(), 1, max))
                .trajectoryIdsPerRule((int) s.integer("trajectory_ids_per_rule", d.trajectoryIdsPerRule(), 1, max))
                .consolidateEvery((int) s.integer("consolidate_every", d.consolidateEvery(), 1, max))
                .highScoreThreshold(s.decimal("high_score_threshold", d.highScoreThreshold(), 0, 1))
                .consolidatedSummaryLimit((int) s.integer("consolidated_summary_limit", d.consolidatedSummaryLimit(), 1, max))
                .rulesShown((int) s.integer("rules_shown", d.rulesShown(), 0, max))
                .mistakesShown((int) s.integer("mistakes_shown", d.mistakesShown(), 0, max))
                .cardsShown((int) s.integer("cards_shown", d.cardsShown(), 0, max))
                .recentEpisodesShown((int) s.integer("recent_episodes_shown", d.recentEpisodesShown(), 0, max))
                .episodeSummaryLimit((int) s.integer("episode_summary_limit", d.episodeSummaryLimit(), 1, max))
                .contextTokenBudget((int) s.integer("context_token_budget", d.contextTokenBudget(), 1, max))
                .build();
    }
}
