package dev.engram.app.http;

import dev.engram.app.http.feed.LiveFeed;
import dev.engram.app.http.keys.ApiKey;
import dev.engram.app.http.keys.ApiKeys;
import dev.engram.application.config.EngramSettings;
import dev.engram.application.config.ServerSettings;
import dev.engram.application.port.in.ListTrajectoriesQuery;
import dev.engram.application.port.in.Namespaces;
import dev.engram.application.query.TrajectoryFilter;
import dev.engram.application.service.EngramServices;
import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import dev.engram.domain.json.JsonObject;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The HTTP server: the router, keys, limits, metrics and logs around the {@link Api}. Stopping is graceful: the
 * listener closes (nothing new is accepted), requests still arriving on open connections are refused with 503, the
 * live feeds end, requests in flight finish (up to {@code shutdown_timeout}), and only then are connections closed;
 * the caller closes the stores after that, every acknowledged write having been committed before its answer.
 */
public final class EngramServer implements AutoCloseable {
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);
    /** The status logged (never sent) for a request whose client closed the connection first, as nginx writes it. */
    private static final int CLIENT_CLOSED = 499;

    private final EngramServices services;
    private final EngramSettings settings;
    private final ServerSettings server;
    private final ApiKeys keys;
    private final LiveFeed feed;
    private final ServerMetrics metrics = new ServerMetrics();
    private final RateLimiter limiter;
    private final AccessLog log;
    private final Scheduler work;
    private final Api api;
    private final List<Route> routes;
    private final byte[] openApi;
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Request ids: this process's random prefix and a counter (unique across restarts, no locked SecureRandom per request). */
    private final String idPrefix = Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE) + "-";
    private final AtomicLong requestCount = new AtomicLong();
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
    private volatile boolean draining;
    private DisposableServer listener;
    private DisposableServer metricsListener;

    public EngramServer(EngramServices services, EngramSettings settings, ApiKeys keys, LiveFeed feed, PrintStream logStream) {
        this.services = services;
        this.settings = settings;
        this.server = settings.server();
        this.keys = keys;
        this.feed = feed;
        this.limiter = new RateLimiter(server.rateLimit(), System::nanoTime);
        this.log = new AccessLog(logStream, server.jsonLogs(), server.accessLog());
        int threads = Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
        this.work = Schedulers.newBoundedElastic(threads, 10_000, "engram-http-work", 60, true);
        this.api = new Api(services, settings, work, feed, metrics, HEARTBEAT);
        this.routes = allRoutes();
        if (services.buffered()) {
            var buffer = services.bufferMetrics();
            metrics.gauge("engram.buffer.lag", "entries in the write buffer not yet in the long-term store", buffer, b -> b.snapshot().lag());
            metrics.gauge("engram.buffer.pending", "entries read by a worker and not yet acknowledged", buffer, b -> b.snapshot().pending());
            metrics.gauge("engram.buffer.drained", "entries this process's worker drained", buffer, b -> b.snapshot().drained());
            metrics.gauge("engram.buffer.failures", "failed write-behind batches", buffer, b -> b.snapshot().failures());
        }
        this.openApi = resource("/openapi.json");
    }

    private List<Route> allRoutes() {
        List<Route> all = new ArrayList<>(api.routes());
        all.add(new Route("GET", "/healthz", null, call -> Mono.just(Reply.json(200, JsonObject.builder().put("status", "ok").build()))));
        all.add(new Route("GET", "/readyz", null, call -> readiness()));
        all.add(new Route("GET", "/openapi.json", null, call -> Mono.just(Reply.bytes(200, Reply.JSON, openApi))));
        all.addAll(Dashboard.routes());
        if (server.metricsPort() == ServerSettings.SAME_PORT) {
            all.add(metricsRoute());
        }
        return List.copyOf(all);
    }

    private Route metricsRoute() {
        return new Route("GET", "/metrics", null, call -> Mono.fromCallable(() -> Reply.text(200,
                "text/plain; version=0.0.4; charset=utf-8", metrics.scrape())).subscribeOn(work));
    }

    /** The routes, for the OpenAPI check. */
    List<Route> routes() {
        return routes;
    }

    public EngramServer start() {
        listener = listen(server.host(), server.port(), routes);
        if (server.metricsPort() != ServerSettings.SAME_PORT) {
            metricsListener = listen(server.host(), server.metricsPort(), List.of(metricsRoute()));
        }
        log.event("info", "listening on http://" + server.host() + ":" + port()
                + (metricsListener == null ? "" : ", metrics on port " + metricsListener.port()) + ", keys in " + keys.file());
        return this;
    }

    private DisposableServer listen(String host, int port, List<Route> table) {
        return HttpServer.create()
                .host(host)
                .port(port)
                .channelGroup(connections)
                .idleTimeout(server.idleTimeout())
                .readTimeout(server.readTimeout())
                .doOnChannelInit((observer, channel, remote) -> KeepAliveReadRearm.install(channel))
                .handle((request, response) -> handle(request, response, table))
                .bindNow();
    }

    public int port() {
        return listener.port();
    }

    public int metricsPort() {
        return metricsListener == null ? port() : metricsListener.port();
    }

    /** Blocks until the server is stopped. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    private Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response, List<Route> table) {
        long start = System.nanoTime();
        inFlight.incrementAndGet();
        String sent = request.requestHeaders().get("X-Request-Id");
        String requestId = sent != null && REQUEST_ID.matcher(sent).matches() ? sent : nextRequestId();
        String method = request.method().name();
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        String rawPath = uri.rawPath();
        String[] parts = rawPath.substring(rawPath.startsWith("/") ? 1 : 0).split("/", -1);
        List<String> segments = new ArrayList<>(parts.length);
        for (String part : parts) {
            segments.add(QueryStringDecoder.decodeComponent(part));
        }
        String[] routeName = {"unmatched"};
        ApiKey[] caller = {null};
        Mono<Reply> reply = Mono.defer(() -> {
            if (draining) {
                throw HttpFailure.of(503, ErrorCode.BACKEND_UNAVAILABLE, "the server is stopping; retry on another instance or after the restart")
                        .header("Connection", "close");
            }
            Route route = null;
            Map<String, String> params = null;
            List<String> allowed = new ArrayList<>();
            for (Route r : table) {
                Map<String, String> p = r.match(segments);
                if (p != null) {
                    if (r.method().equals(method)) {
                        route = r;
                        params = p;
                        break;
                    }
                    allowed.add(r.method());
                }
            }
            if (route == null) {
                if (!allowed.isEmpty()) {
                    throw HttpFailure.of(405, "method_not_allowed", method + " is not a method of " + rawPath + " (it takes "
                            + String.join(", ", allowed) + ")").header("Allow", String.join(", ", allowed));
                }
                throw HttpFailure.of(404, ErrorCode.NOT_FOUND, "no route " + rawPath + " (the routes are listed at /openapi.json)");
            }
            routeName[0] = route.template();
            ApiKey key = null;
            if (route.role() != null) {
                key = authenticate(request);
                caller[0] = key;
                if (!key.role().permits(route.role())) {
                    throw HttpFailure.of(403, ErrorCode.FORBIDDEN, method + " " + route.template() + " needs a key with the "
                            + route.role().wireName() + " role; this key has " + key.role().wireName());
                }
                long retryAfter = limiter.acquire(key.id());
                if (retryAfter > 0) {
                    throw HttpFailure.of(429, ErrorCode.RATE_LIMITED, "more than " + server.rateLimit()
                            + " requests per second with this key (server.rate_limit); retry after " + retryAfter + " s")
                            .header("Retry-After", Long.toString(retryAfter));
                }
            }
            return route.handler().apply(new Call(request, params, uri.parameters(), key, requestId));
        }).onErrorResume(e -> Mono.just(failure(e, requestId)));
        int[] status = {0};
        return reply.flatMap(r -> {
            status[0] = r.status();
            return send(response, r, requestId);
        }).doFinally(signal -> {
            if (status[0] == 0) {
                status[0] = CLIENT_CLOSED; // the client went away before an answer was sent
            }
            inFlight.decrementAndGet();
            long nanos = System.nanoTime() - start;
            metrics.request(method, routeName[0], status[0], nanos);
            ApiKey key = caller[0];
            log.request(requestId, method, rawPath, routeName[0], status[0], nanos, key == null ? null : key.id(), key == null ? null : key.namespace());
        });
    }

    private String nextRequestId() {
        return idPrefix + Long.toHexString(requestCount.incrementAndGet());
    }

    private ApiKey authenticate(HttpServerRequest request) {
        String header = request.requestHeaders().get(HttpHeaderNames.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            throw unauthorized("no API key: send Authorization: Bearer <key> (engram-server keys create makes one)");
        }
        // "Bearer", white space, the key (parsed by hand: a regex split compiled a pattern on every request)
        String text = header.strip();
        int space = 0;
        while (space < text.length() && !Character.isWhitespace(text.charAt(space))) {
            space++;
        }
        if (space == text.length() || !text.substring(0, space).equalsIgnoreCase("Bearer")) {
            throw unauthorized("the Authorization header must read Bearer <key>");
        }
        return keys.authenticate(text.substring(space).strip()).orElseThrow(() -> unauthorized("the API key is not valid (unknown or revoked)"));
    }

    private static HttpFailure unauthorized(String message) {
        return HttpFailure.of(401, ErrorCode.UNAUTHORIZED, message).header("WWW-Authenticate", "Bearer realm=\"engram\"");
    }

    private Reply failure(Throwable e, String requestId) {
        if (e instanceof HttpFailure http) {
            return http.reply();
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpFailure http) {
                return http.reply();
            }
            if (cause instanceof DomainException domain) {
                return HttpFailure.of(domain).reply();
            }
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InterruptedException || cause instanceof java.io.InterruptedIOException) {
                // the client went away (or the server is stopping) while its request was being read: nobody to answer
                return HttpFailure.of(503, ErrorCode.BACKEND_UNAVAILABLE, "the request was cancelled before it was read").reply();
            }
        }
        // a bug: the trace goes to the log under the request id, the answer names only the id
        log.event("error", "request " + requestId + " failed: " + e);
        e.printStackTrace(System.err);
        return HttpFailure.of(500, ErrorCode.INTERNAL, "unexpected failure (a bug); the server log has it under request id " + requestId).reply();
    }

    private Mono<Void> send(HttpServerResponse response, Reply reply, String requestId) {
        response.status(reply.status()).header("X-Request-Id", requestId);
        reply.headers().forEach(response::header);
        if (reply.contentType() != null) {
            response.header(HttpHeaderNames.CONTENT_TYPE, reply.contentType());
        }
        if (reply.stream() != null) {
            Flux<ByteBuf> chunks = Flux.from(reply.stream()).map(text -> Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.UTF_8)));
            return response.send(chunks, b -> true).then();
        }
        response.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(reply.body().length));
        return response.sendByteArray(Mono.just(reply.body())).then();
    }

    private Mono<Reply> readiness() {
        Mono<JsonObject> storage = check(() -> services.list().list(new ListTrajectoriesQuery(Namespaces.DEFAULT, TrajectoryFilter.ALL, 1, null)).then(),
                settings.storage());
        Mono<JsonObject> memory = check(() -> services.showMemory().show(Namespaces.DEFAULT, "readyz-probe").then(), settings.storage());
        return Mono.zip(storage, memory).map(both -> {
            Map<String, JsonObject> backends = new LinkedHashMap<>();
            backends.put("trajectories", both.getT1());
            backends.put("memory", both.getT2());
            boolean up = backends.values().stream().allMatch(b -> "up".equals(((dev.engram.domain.json.JsonString) b.get("status")).value()));
            JsonObject.Builder body = JsonObject.builder().put("status", up ? "ready" : "unavailable");
            JsonObject.Builder list = JsonObject.builder();
            backends.forEach(list::put);
            if (settings.buffer() != null) {
                list.put("buffer", JsonObject.builder().put("plugin", settings.buffer())
                        .put("status", "configured (its health shows in stats.buffer)").build());
            }
            return Reply.json(up ? 200 : 503, body.put("backends", list.build()).build());
        });
    }

    private Mono<JsonObject> check(java.util.function.Supplier<Mono<Void>> probe, String plugin) {
        return Mono.defer(() -> {
            long start = System.nanoTime();
            return probe.get().subscribeOn(work).timeout(Duration.ofSeconds(2))
                    .then(Mono.fromCallable(() -> JsonObject.builder().put("plugin", plugin).put("status", "up")
                            .put("millis", Math.round((System.nanoTime() - start) / 1e4) / 100.0).build()))
                    .onErrorResume(e -> Mono.just(JsonObject.builder().put("plugin", plugin).put("status", "down")
                            .put("reason", reason(e)).build()));
        });
    }

    private static String reason(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainException domain) {
                return domain.code().wireName();
            }
        }
        return e instanceof java.util.concurrent.TimeoutException ? "timed out after 2 s" : "unavailable";
    }

    /** A file of the jar, whole (the OpenAPI document, the dashboard). */
    static byte[] resource(String name) {
        try (InputStream in = EngramServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops gracefully (see the class comment); returns whether every request in flight finished in time.
     */
    public synchronized boolean stop() {
        if (listener == null || stopped.getCount() == 0) {
            return true;
        }
        listener.channel().close().syncUninterruptibly();
        draining = true;
        api.stop();
        feed.close();
        long deadline = System.nanoTime() + server.shutdownTimeout().toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        boolean finished = inFlight.get() == 0;
        if (!finished) {
            log.event("warn", inFlight.get() + " requests were still running after shutdown_timeout " + server.shutdownTimeout() + "; closing them");
        }
        dispose(metricsListener);
        dispose(listener);
        work.dispose();
        metrics.close();
        log.close();
        stopped.countDown();
        return finished;
    }

    private static void dispose(DisposableServer server) {
        if (server == null) {
            return;
        }
        try {
            server.disposeNow(Duration.ofSeconds(5));
        } catch (IllegalStateException e) {
            // connections that would not close in time are dropped with the process
        }
    }

    @Override
    public void close() {
        stop();
    }
}
