package dev.engram.app.http;

import dev.engram.runtime.EngramRuntime;
import java.util.HashMap;
import java.util.Map;

/**
 * Settings whose default differs for a long-running server: rendered memory contexts are kept for up to a second
 * ({@code context.cache_ttl}; writes through the server drop them at once), which a one-shot command has no use for.
 * A value the configuration gives is kept.
 */
final class ServerDefaults {
    static final String CONTEXT_CACHE_TTL = "1s";

    private ServerDefaults() {
    }

    static EngramRuntime.Configured configure(EngramRuntime.Options options) {
        EngramRuntime.Configured configured = EngramRuntime.configure(options);
        if (configured.root().section("context").has("cache_ttl")) {
            return configured;
        }
        Map<String, String> flags = new HashMap<>(options.flags());
        flags.put("context.cache_ttl", CONTEXT_CACHE_TTL);
        return EngramRuntime.configure(new EngramRuntime.Options(options.configFile(), options.env(), flags, options.createIfMissing()));
    }
}
