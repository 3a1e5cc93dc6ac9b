package dev.engram.app.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * The server's meters, in the Prometheus registry {@code /metrics} shows: requests by route and status (rate and
 * latency), trajectories recorded, replay draws, consolidations, and each use case's latency (the store's, for
 * those that are one store call). The write buffer registers its lag and pending entries through {@link #gauge}.
 */
final class ServerMetrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Map<String, Timer> requests = new ConcurrentHashMap<>();
    private final Map<String, Timer[]> operations = new ConcurrentHashMap<>();

    ServerMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        gc.bindTo(registry);
    }

    void request(String method, String route, int status, long nanos) {
        // the registry finds a meter by building and hashing its id: looked up once per route and status, then kept
        requests.computeIfAbsent(method + ' ' + route + ' ' + status, k -> Timer.builder("engram.http.requests")
                        .description("HTTP requests by route and status")
                        .tag("method", method).tag("route", route).tag("status", Integer.toString(status))
                        .publishPercentileHistogram()
                        .serviceLevelObjectives(Duration.ofMillis(5), Duration.ofMillis(50))
                        .register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    void operation(String name, long nanos, boolean failed) {
        // the name alone is the key (no string built per call): [0] the successes' timer, [1] the failures'
        operations.computeIfAbsent(name, k -> new Timer[] {operationTimer(k, "ok"), operationTimer(k, "error")})[failed ? 1 : 0]
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer operationTimer(String name, String outcome) {
        return Timer.builder("engram.operation")
                .description("use case latency (a store call for get, list, top, delete)")
                .tag("operation", name).tag("outcome", outcome)
                .register(registry);
    }

    void recorded(long stored, long unchanged, long refused) {
        counter("engram.trajectories", "stored").increment(stored);
        counter("engram.trajectories", "unchanged").increment(unchanged);
        counter("engram.trajectories", "refused").increment(refused);
    }

    void sampled(long draws) {
        Counter.builder("engram.replay.draws").description("trajectories drawn by replay samples").register(registry).increment(draws);
    }

    void consolidated(long agents) {
        Counter.builder("engram.consolidations").description("agent memories consolidated").register(registry).increment(agents);
    }

    /** A hook for other parts (the write-behind worker's lag and pending entries). */
    <T> void gauge(String name, String description, T source, ToDoubleFunction<T> value) {
        Gauge.builder(name, source, value).description(description).register(registry);
    }

    private Counter counter(String name, String status) {
        return Counter.builder(name).description("trajectories received, by what happened to them").tag("status", status).register(registry);
    }

    String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
