package dev.engram.application.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code server} section, read by {@code engram-server} only (the command ignores it), validated with the rest:
 *
 * <pre>
 * server:
 *   host: 127.0.0.1            # the address to listen on (0.0.0.0 for every interface)
 *   port: 8080                 # 0: any free port (printed at start)
 *   metrics_port: -1           # -1: /metrics on the API port; otherwise its own listener (0: any free port)
 *   key_file: DATA_DIR/api-keys.json
 *   max_body_bytes: 33554432   # a larger request body is refused with 413, read no further
 *   max_batch_items: 10000     # items per POST /v1/trajectories
 *   rate_limit: 1000           # requests per second per key (0: unlimited); bursts up to twice that
 *   read_timeout: 30s          # a client that sends nothing for this long is disconnected
 *   idle_timeout: 60s          # keep-alive connections idle this long are closed
 *   shutdown_timeout: 30s      # how long in-flight requests may finish after SIGTERM
 *   log_format: text           # or json: one JSON object per line
 *   access_log: true           # a line per request; false: only the server's own events (start, stop, failures)
 * </pre>
 */
public record ServerSettings(String host, int port, int metricsPort, Path keyFile, long maxBodyBytes, int maxBatchItems,
                             int rateLimit, Duration readTimeout, Duration idleTimeout, Duration shutdownTimeout, boolean jsonLogs,
                             boolean accessLog) {
    public static final Set<String> KEYS = Set.of("host", "port", "metrics_port", "key_file", "max_body_bytes", "max_batch_items",
            "rate_limit", "read_timeout", "idle_timeout", "shutdown_timeout", "log_format", "access_log");

    /** -1 in {@code metrics_port}: metrics are served on the API listener. */
    public static final int SAME_PORT = -1;

    static ServerSettings from(ConfigSection s, Path dataDir) {
        s.refuseUnknown(KEYS);
        String format = s.string("log_format", "text").toLowerCase(Locale.ROOT);
        if (!format.equals("text") && !format.equals("json")) {
            throw s.bad("log_format", "must be text or json, got '" + s.string("log_format", "") + "'");
        }
        String host = s.string("host", "127.0.0.1");
        if (host.isBlank()) {
            throw s.bad("host", "must name an address to listen on, such as 127.0.0.1 or 0.0.0.0");
        }
        return new ServerSettings(host,
                (int) s.integer("port", 8080, 0, 65_535),
                (int) s.integer("metrics_port", SAME_PORT, SAME_PORT, 65_535),
                s.path("key_file", dataDir.resolve("api-keys.json")),
                s.integer("max_body_bytes", 32L << 20, 1_024, 1L << 40),
                (int) s.integer("max_batch_items", 10_000, 1, 100_000),
                (int) s.integer("rate_limit", 1_000, 0, 100_000_000),
                positive(s, "read_timeout", Duration.ofSeconds(30)),
                positive(s, "idle_timeout", Duration.ofSeconds(60)),
                positive(s, "shutdown_timeout", Duration.ofSeconds(30)),
                format.equals("json"),
                s.bool("access_log", true));
    }

    private static Duration positive(ConfigSection s, String name, Duration fallback) {
        Duration d = s.duration(name, fallback);
        if (d.isZero() || d.isNegative()) {
            throw s.bad(name, "must be more than zero");
        }
        return d;
    }
}
