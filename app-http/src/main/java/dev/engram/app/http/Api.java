package dev.engram.app.http;

import dev.engram.app.http.feed.LiveFeed;
import dev.engram.app.http.keys.ApiRole;
import dev.engram.application.config.Durations;
import dev.engram.application.config.EngramSettings;
import dev.engram.application.port.in.ConsolidateCommand;
import dev.engram.application.port.in.ContextQuery;
import dev.engram.application.port.in.InputItem;
import dev.engram.application.port.in.ListTrajectoriesQuery;
import dev.engram.application.port.in.PruneCommand;
import dev.engram.application.port.in.RecordCommand;
import dev.engram.application.port.in.RecordReport;
import dev.engram.application.port.in.SampleCommand;
import dev.engram.application.port.in.StatisticsQuery;
import dev.engram.application.port.in.TopQuery;
import dev.engram.application.port.in.UpdatePrioritiesCommand;
import dev.engram.application.query.TrajectoryFilter;
import dev.engram.application.service.EngramServices;
import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import dev.engram.domain.error.Violation;
import dev.engram.domain.json.JsonBoolean;
import dev.engram.domain.json.JsonNull;
import dev.engram.domain.json.JsonNumber;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.JsonString;
import dev.engram.domain.json.JsonValue;
import dev.engram.domain.memory.MemoryContext;
import dev.engram.domain.replay.ReplayFilter;
import dev.engram.domain.replay.ReplayPreset;
import dev.engram.domain.replay.ReplayStrategy;
import dev.engram.domain.replay.SampleRequest;
import dev.engram.domain.stats.TimeBucket;
import dev.engram.domain.trajectory.Outcome;
import dev.engram.domain.trajectory.Timestamps;
import dev.engram.domain.trajectory.Trajectory;
import dev.engram.domain.trajectory.TrajectoryWriter;
import dev.engram.json.JsonCodec;
import dev.engram.json.input.InputItems;
import dev.engram.json.input.PriorityLines;
import dev.engram.json.input.SampleRequests;
import dev.engram.json.views.ConsolidationView;
import dev.engram.json.views.ContextView;
import dev.engram.json.views.ErrorView;
import dev.engram.json.views.ForgetReportView;
import dev.engram.json.views.MemoryView;
import dev.engram.json.views.PriorityReportView;
import dev.engram.json.views.RecordReportView;
import dev.engram.json.views.SampleView;
import dev.engram.json.views.StatisticsView;
import dev.engram.json.views.TopView;
import dev.engram.json.views.TrajectoryPageView;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;

/**
 * The {@code /v1} routes of INTERFACES.md over the use cases. Every use case runs on the worker scheduler (a blocking
 * store never holds an event-loop thread), and every answer is built from the same JSON views as the command's
 * {@code --json}. The namespace is always the key's.
 */
final class Api {
    /** Text per byte of the trajectory size limit (UTF-8 and escapes make the two differ, both ways). */
    private static final int TEXT_PER_BYTE = 4;
    private static final long MAX_PRIORITY_LINE = 4_096;
    private static final int MAX_RENDERED_CONTEXTS = 10_000;
    private static final Set<String> JSON_TYPES = Set.of("application/json", "application/x-ndjson", "application/jsonl",
            "application/x-jsonlines", "application/jsonlines", "application/json-seq");

    private final EngramServices services;
    private final EngramSettings settings;
    private final Scheduler work;
    private final LiveFeed feed;
    private final ServerMetrics metrics;
    private final Duration heartbeat;
    private final Sinks.Empty<Void> stopping = Sinks.empty();
    private final Map<String, RenderedContext> renderedContexts = new ConcurrentHashMap<>();

    Api(EngramServices services, EngramSettings settings, Scheduler work, LiveFeed feed, ServerMetrics metrics, Duration heartbeat) {
        this.services = services;
        this.settings = settings;
        this.work = work;
        this.feed = feed;
        this.metrics = metrics;
        this.heartbeat = heartbeat;
    }

    /** Ends the live feeds' heartbeats (the feed itself is closed by its owner). */
    void stop() {
        stopping.tryEmitEmpty();
    }

    List<Route> routes() {
        return List.of(
                new Route("POST", "/v1/trajectories", ApiRole.WRITE, this::record),
                new Route("GET", "/v1/trajectories", ApiRole.READ, this::list),
                new Route("GET", "/v1/trajectories/{id}", ApiRole.READ, this::get),
                new Route("DELETE", "/v1/trajectories/{id}", ApiRole.ADMIN, this::delete),
                new Route("GET", "/v1/top", ApiRole.READ, this::top),
                new Route("POST", "/v1/replay/sample", ApiRole.WRITE, this::sample),
                new Route("POST", "/v1/replay/priorities", ApiRole.WRITE, this::priorities),
                new Route("GET", "/v1/stats", ApiRole.READ, this::stats),
                new Route("GET", "/v1/memory/{agent}", ApiRole.READ, this::memory),
                new Route("DELETE", "/v1/memory/{agent}", ApiRole.ADMIN, this::forget),
                new Route("GET", "/v1/memory/{agent}/context", ApiRole.READ, this::context),
                new Route("POST", "/v1/memory/{agent}/consolidate", ApiRole.WRITE, this::consolidate),
                new Route("POST", "/v1/admin/prune", ApiRole.ADMIN, this::prune),
                new Route("GET", "/v1/stream", ApiRole.READ, this::stream));
    }

    /** Runs a use case on the worker scheduler, timed as an operation. */
    private <T> Mono<T> run(String operation, Supplier<Mono<T>> useCase) {
        return runSelfScheduled(operation, useCase).subscribeOn(work);
    }

    /**
     * Runs a use case where the request is (an event-loop thread), timed as an operation: for those that move their
     * blocking work to the use cases' own threads themselves and answer what they hold in memory at once (a cached
     * context), so that a map lookup costs no hop to a worker and back.
     */
    private <T> Mono<T> runSelfScheduled(String operation, Supplier<Mono<T>> useCase) {
        return Mono.defer(() -> {
            long start = System.nanoTime();
            return useCase.get()
                    .doOnSuccess(v -> metrics.operation(operation, System.nanoTime() - start, false))
                    .doOnError(e -> metrics.operation(operation, System.nanoTime() - start, true));
        });
    }

    // ---- trajectories

    private Mono<Reply> record(Call call) {
        call.onlyQuery("partial", "agent");
        boolean partial = call.queryFlag("partial");
        String agent = call.query("agent");
        int maxItems = settings.server().maxBatchItems();
        long maxItemChars = (long) settings.limits().maxBytes() * TEXT_PER_BYTE;
        return body(call, in -> InputItems.readAll(in, maxItemChars, maxItems, n -> new DomainException(ErrorCode.TOO_LARGE,
                "the request holds more than " + n + " items (server.max_batch_items); send them in several requests")))
                .flatMap(items -> {
                    if (items.isEmpty()) {
                        return Mono.error(new DomainException(ErrorCode.MALFORMED_JSON, "the request body holds no trajectories (it is empty)"));
                    }
                    return run("record", () -> services.record().record(new RecordCommand(call.namespace(), items, partial, agent)))
                            .flatMap(report -> announce(call.namespace(), report).thenReturn(report));
                })
                .map(report -> {
                    long refused = report.count(RecordReport.Status.INVALID) + report.count(RecordReport.Status.CONFLICT);
                    metrics.recorded(report.count(RecordReport.Status.STORED), report.count(RecordReport.Status.UNCHANGED), refused);
                    if (report.refusedAny() && !partial) {
                        ErrorCode code = RecordReportView.errorCode(report);
                        return Reply.json(HttpFailure.status(code), RecordReportView.toError(report));
                    }
                    return Reply.json(report.count(RecordReport.Status.STORED) > 0 ? 201 : 200, RecordReportView.toJson(report));
                });
    }

    /** Puts what was newly stored on the live feed, when someone follows the namespace. */
    private Mono<Void> announce(String namespace, RecordReport report) {
        if (!feed.following(namespace)) {
            return Mono.empty();
        }
        List<String> stored = report.items().stream().filter(i -> i.status() == RecordReport.Status.STORED)
                .map(RecordReport.ItemResult::trajectoryId).toList();
        return Flux.fromIterable(stored)
                .concatMap(id -> services.get().get(namespace, id))
                .collectList()
                .doOnNext(list -> feed.publish(namespace, list))
                .then();
    }

    private Mono<Reply> list(Call call) {
        call.onlyQuery("agent", "task", "domain", "outcome", "since", "limit", "cursor");
        TrajectoryFilter filter = new TrajectoryFilter(call.query("agent"), call.query("task"), call.query("domain"),
                outcome(call.query("outcome")), time("since", call.query("since")), null);
        ListTrajectoriesQuery query = new ListTrajectoriesQuery(call.namespace(), filter,
                call.queryInt("limit", ListTrajectoriesQuery.DEFAULT_LIMIT, 1, 1_000), emptyToNull(call.query("cursor")));
        return run("list", () -> services.list().list(query)).map(page -> Reply.json(200, TrajectoryPageView.toJson(page)));
    }

    private Mono<Reply> get(Call call) {
        call.onlyQuery();
        String id = call.path("id");
        return run("get", () -> services.get().get(call.namespace(), id))
                .map(t -> Reply.json(200, TrajectoryWriter.toJson(t)))
                .switchIfEmpty(Mono.error(() -> notFound(id)));
    }

    private Mono<Reply> delete(Call call) {
        call.onlyQuery();
        String id = call.path("id");
        return run("delete", () -> services.delete().delete(call.namespace(), id))
                .flatMap(existed -> existed ? Mono.just(Reply.json(200, JsonObject.builder().put("deleted", id).build()))
                        : Mono.error(notFound(id)));
    }

    /** The same answer for an id that is nowhere and one held by another namespace: nothing says which. */
    private static DomainException notFound(String id) {
        return new DomainException(ErrorCode.NOT_FOUND, "no trajectory " + id);
    }

    private Mono<Reply> top(Call call) {
        call.onlyQuery("task", "kind", "n");
        String kindText = call.query("kind");
        TopQuery.Kind kind;
        if (kindText == null || kindText.equalsIgnoreCase("successes")) {
            kind = TopQuery.Kind.SUCCESSES;
        } else if (kindText.equalsIgnoreCase("failures")) {
            kind = TopQuery.Kind.FAILURES;
        } else {
            throw DomainException.invalidArgument("kind", "must be successes or failures, got '" + kindText + "'");
        }
        TopQuery query = new TopQuery(call.namespace(), call.query("task"), kind, call.queryInt("n", 10, 1, TopQuery.MAX_N));
        return run("top", () -> services.top().top(query)).map(items -> Reply.json(200, TopView.toJson(query, items)));
    }

    // ---- replay

    private Mono<Reply> sample(Call call) {
        call.onlyQuery();
        return jsonObject(call, "the sample options").flatMap(body -> {
            SampleOptionsBody options = new SampleOptionsBody(body);
            SampleCommand command = new SampleCommand(call.namespace(), options.request(), options.seed);
            return run("sample", () -> services.sample().sample(command));
        }).map(result -> {
            metrics.sampled(result.items().size());
            return Reply.json(200, SampleView.toJson(result));
        });
    }

    private Mono<Reply> priorities(Call call) {
        call.onlyQuery();
        return body(call, in -> InputItems.readAll(in, MAX_PRIORITY_LINE, RecordCommand.MAX_ITEMS, n -> new DomainException(ErrorCode.TOO_LARGE,
                "the request holds more than " + n + " priorities; send them in several requests")))
                .flatMap(items -> {
                    PriorityLines lines = PriorityLines.check(items);
                    if (items.isEmpty()) {
                        lines.problems().add(new ErrorView.Detail(null, 0, "", "the request body holds no priorities (it is empty)"));
                    }
                    if (!lines.problems().isEmpty()) {
                        int n = lines.problems().size();
                        return Mono.just(Reply.json(422, ErrorView.of(ErrorCode.INVALID_INPUT,
                                (n == 1 ? "1 problem" : n + " problems") + " in the priorities; nothing was updated", lines.problems())));
                    }
                    return run("priorities", () -> services.priorities().update(new UpdatePrioritiesCommand(call.namespace(), lines.losses())))
                            .map(report -> Reply.json(200, PriorityReportView.toJson(report)));
                });
    }

    // ---- statistics and memory

    private Mono<Reply> stats(Call call) {
        call.onlyQuery("agent", "task", "by");
        String by = call.query("by");
        TimeBucket bucket = by == null || by.isEmpty() ? null : TimeBucket.parse(by);
        StatisticsQuery query = new StatisticsQuery(call.namespace(), emptyToNull(call.query("agent")), emptyToNull(call.query("task")), bucket);
        return run("stats", () -> services.statistics().statistics(query)).map(report -> Reply.json(200, StatisticsView.toJson(report, bucket != null)));
    }

    private Mono<Reply> memory(Call call) {
        call.onlyQuery();
        String agent = call.path("agent");
        return run("memory", () -> services.showMemory().show(call.namespace(), agent))
                .map(view -> Reply.json(200, MemoryView.toJson(view)))
                .switchIfEmpty(Mono.error(() -> new DomainException(ErrorCode.NOT_FOUND, "agent " + agent + " has no memory")));
    }

    private Mono<Reply> forget(Call call) {
        call.onlyQuery();
        String agent = call.path("agent");
        return run("forget", () -> services.forget().forget(call.namespace(), agent)).map(r -> Reply.json(200, ForgetReportView.toJson(r)));
    }

    private Mono<Reply> context(Call call) {
        call.onlyQuery("task", "max_tokens");
        String agent = call.path("agent");
        String task = emptyToNull(call.query("task"));
        int budget = call.queryInt("max_tokens", settings.memory().contextTokenBudget(), 1, ContextQuery.MAX_TOKENS);
        ContextQuery query = new ContextQuery(call.namespace(), agent, task, budget);
        String key = call.namespace() + '\u0000' + agent + '\u0000' + task + '\u0000' + budget;
        return runSelfScheduled("context", () -> services.context().context(query)).map(c -> {
            // the same context (the cache's, by identity) is the same answer: written once, not once per request
            RenderedContext last = renderedContexts.get(key);
            if (last != null && last.context() == c) {
                return Reply.bytes(200, Reply.JSON, last.body());
            }
            Reply reply = Reply.json(200, ContextView.toJson(agent, task, c));
            if (renderedContexts.size() >= MAX_RENDERED_CONTEXTS) {
                renderedContexts.clear(); // a bound, not an eviction policy
            }
            renderedContexts.put(key, new RenderedContext(c, reply.body()));
            return reply;
        });
    }

    /** A context's answer as sent (the body is never changed after it is put here). */
    private record RenderedContext(MemoryContext context, byte[] body) {
    }

    private Mono<Reply> consolidate(Call call) {
        call.onlyQuery("dry_run");
        String agent = call.path("agent");
        boolean dryRun = call.queryFlag("dry_run");
        return run("consolidate", () -> services.consolidate().consolidate(new ConsolidateCommand(call.namespace(), agent, dryRun)))
                .flatMap(reports -> {
                    if (reports.isEmpty()) {
                        return Mono.error(new DomainException(ErrorCode.NOT_FOUND, "agent " + agent + " has no memory"));
                    }
                    if (!dryRun) {
                        metrics.consolidated(reports.size());
                    }
                    return Mono.just(Reply.json(200, ConsolidationView.toJson(reports)));
                });
    }

    private Mono<Reply> prune(Call call) {
        call.onlyQuery("older_than");
        Mono<String> olderThan = call.query("older_than") != null ? Mono.just(call.query("older_than"))
                : jsonObject(call, "the prune options").map(body -> {
                    refuseUnknown(body, Set.of("older_than"));
                    JsonValue v = body.get("older_than");
                    if (!(v instanceof JsonString s)) {
                        throw DomainException.invalidArgument("older_than", v == null ? "is required (a duration such as 30d)" : "must be a duration text such as 30d");
                    }
                    return s.value();
                });
        return olderThan.flatMap(text -> {
            Duration d = Durations.parse(text).orElseThrow(() -> DomainException.invalidArgument("older_than",
                    "not a duration: '" + text + "' (write a number and a unit: 30s, 15m, 12h, 7d, 2w)"));
            return run("prune", () -> services.prune().prune(new PruneCommand(call.namespace(), d)))
                    .map(deleted -> Reply.json(200, JsonObject.builder().put("deleted", deleted).put("older_than", text).build()));
        });
    }

    // ---- live feed

    private Mono<Reply> stream(Call call) {
        call.onlyQuery();
        String after = call.header("Last-Event-ID");
        Flux<String> events = feed.tail(call.namespace(), after)
                .onBackpressureBuffer(10_000)
                .publishOn(work)
                .map(e -> "id: " + e.id() + "\nevent: trajectory\ndata: " + JsonCodec.instance().write(TrajectoryWriter.toJson(e.trajectory())) + "\n\n");
        // the heartbeat ends when the server stops, the events when the feed closes: then the response ends
        Flux<String> beats = Flux.interval(heartbeat, heartbeat).map(i -> ": keep-alive\n\n").takeUntilOther(stopping.asMono());
        Flux<String> chunks = Flux.concat(Flux.just(": engram live feed of namespace " + call.namespace() + "\nretry: 2000\n\n"),
                Flux.merge(events, beats));
        return Mono.just(Reply.stream("text/event-stream; charset=utf-8", chunks).header("Cache-Control", "no-cache")
                .header("X-Accel-Buffering", "no"));
    }

    // ---- bodies

    /** Reads the body on the worker scheduler, streamed: nothing but the parsed items is held. */
    private <T> Mono<T> body(Call call, java.util.function.Function<InputStream, T> reader) {
        checkContentType(call);
        long max = settings.server().maxBodyBytes();
        String length = call.header("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > max) {
                    return Mono.error(BodyInput.tooLarge(max));
                }
            } catch (NumberFormatException e) {
                return Mono.error(HttpFailure.of(400, ErrorCode.MALFORMED_JSON, "Content-Length is not a number"));
            }
        }
        return Mono.defer(() -> {
            BodyInput in = new BodyInput(max, settings.server().readTimeout().multipliedBy(2));
            call.request().receive().subscribe(in);
            return Mono.fromCallable(() -> {
                try (in) {
                    return reader.apply(in);
                }
            }).subscribeOn(work);
        });
    }

    private Mono<JsonObject> jsonObject(Call call, String what) {
        return body(call, in -> InputItems.readAll(in, (long) settings.limits().maxBytes() * TEXT_PER_BYTE, 2,
                        n -> new DomainException(ErrorCode.MALFORMED_JSON, what + " are one JSON object, got several values")))
                .map(items -> {
                    if (items.isEmpty()) {
                        return JsonObject.EMPTY;
                    }
                    if (items.size() > 1) {
                        throw new DomainException(ErrorCode.MALFORMED_JSON, what + " are one JSON object, got several values");
                    }
                    InputItem item = items.get(0);
                    if (item.parseError() != null) {
                        throw new DomainException(ErrorCode.MALFORMED_JSON, "the body is not JSON: " + item.parseError());
                    }
                    if (!(item.value() instanceof JsonObject object)) {
                        throw new DomainException(ErrorCode.MALFORMED_JSON, what + " are a JSON object, got " + item.value().typeName());
                    }
                    return object;
                });
    }

    private static void checkContentType(Call call) {
        String type = call.header("Content-Type");
        if (type == null) {
            return; // curl -d sends form encoding unless told; a missing type is taken as JSON
        }
        String base = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!JSON_TYPES.contains(base)) {
            throw HttpFailure.of(415, "unsupported_media_type", "the body must be application/json or application/x-ndjson, got " + base);
        }
    }

    private static void refuseUnknown(JsonObject body, Set<String> known) {
        List<Violation> unknown = new ArrayList<>();
        for (String key : body.members().keySet()) {
            if (!known.contains(key)) {
                unknown.add(new Violation(key, "is not an option here (known: " + String.join(", ", new java.util.TreeSet<>(known)) + ")"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new DomainException(ErrorCode.INVALID_ARGUMENT, unknown.size() == 1 ? unknown.get(0).field() + ": " + unknown.get(0).message()
                    : unknown.size() + " unknown options", unknown);
        }
    }

    private static Outcome outcome(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        return Outcome.parse(text).orElseThrow(() -> DomainException.invalidArgument("outcome", "must be success, failure or partial, got '" + text + "'"));
    }

    private static Instant time(String field, String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        return Timestamps.parse(text).or(() -> Durations.parse(text).map(d -> Instant.now().minus(d)))
                .orElseThrow(() -> DomainException.invalidArgument(field, "not an ISO-8601 time (2026-11-20T10:00:00Z) or a duration ago (7d): '" + text + "'"));
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    /** The body of {@code POST /v1/replay/sample}: the options of {@code engram sample}, snake_case, every problem named. */
    private static final class SampleOptionsBody {
        private static final Set<String> FIELDS = Set.of("n", "strategy", "preset", "alpha", "beta", "half_life", "mix", "within",
                "replacement", "seed", "agent", "task", "domain", "outcome");
        private final List<Violation> problems = new ArrayList<>();
        private final JsonObject body;
        final Long seed;

        SampleOptionsBody(JsonObject body) {
            this.body = body;
            for (String key : body.members().keySet()) {
                if (!FIELDS.contains(key)) {
                    problems.add(new Violation(key, "is not a sample option (" + String.join(", ", new java.util.TreeSet<>(FIELDS)) + ")"));
                }
            }
            this.seed = longValue("seed");
        }

        SampleRequest request() {
            Long n = longValue("n");
            if (n == null && !body.has("n")) {
                problems.add(new Violation("n", "is required (how many draws)"));
            }
            ReplayPreset preset = named("preset", ReplayPreset::parse, "fast, stable, prioritized or balanced");
            ReplayStrategy strategy = named("strategy", ReplayStrategy::parse, "uniform, prioritized, recency, mixed, balanced, fifo, lifo or top");
            ReplayStrategy within = named("within", ReplayStrategy::parse, "uniform, prioritized, recency, mixed, balanced, fifo, lifo or top");
            Double alpha = decimal("alpha");
            Double beta = decimal("beta");
            Double mix = decimal("mix");
            Duration halfLife = null;
            String halfLifeText = text("half_life");
            if (halfLifeText != null) {
                halfLife = Durations.parse(halfLifeText).orElse(null);
                if (halfLife == null) {
                    problems.add(new Violation("half_life", "not a duration: '" + halfLifeText + "' (30s, 15m, 12h, 7d, 2w)"));
                }
            }
            boolean replacement = bool("replacement");
            Outcome outcome = named("outcome", Outcome::parse, "success, failure or partial");
            ReplayFilter filter = null;
            try {
                filter = new ReplayFilter(outcome, text("agent"), text("task"), text("domain"));
            } catch (DomainException e) {
                problems.addAll(e.violations());
            }
            if (!problems.isEmpty()) {
                throw new DomainException(ErrorCode.INVALID_ARGUMENT, problems.size() == 1 ? problems.get(0).field() + ": " + problems.get(0).message()
                        : problems.size() + " problems in the sample options", problems);
            }
            int draws = n == null ? 0 : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n));
            return SampleRequests.of(draws, preset, strategy, alpha, beta, halfLife, mix, within, replacement, filter);
        }

        private <T> T named(String field, java.util.function.Function<String, java.util.Optional<T>> parse, String names) {
            String text = text(field);
            if (text == null) {
                return null;
            }
            java.util.Optional<T> value = parse.apply(text);
            if (value.isEmpty()) {
                problems.add(new Violation(field, "must be one of " + names + ", got '" + text + "'"));
            }
            return value.orElse(null);
        }

        private String text(String field) {
            JsonValue v = body.get(field);
            if (v == null || v == JsonNull.NULL) {
                return null;
            }
            if (v instanceof JsonString s) {
                return s.value();
            }
            problems.add(new Violation(field, "must be a string, got " + v.typeName()));
            return null;
        }

        private Double decimal(String field) {
            JsonValue v = body.get(field);
            if (v == null || v == JsonNull.NULL) {
                return null;
            }
            if (v instanceof JsonNumber number) {
                return number.doubleValue();
            }
            problems.add(new Violation(field, "must be a number, got " + v.typeName()));
            return null;
        }

        private Long longValue(String field) {
            JsonValue v = body.get(field);
            if (v == null || v == JsonNull.NULL) {
                return null;
            }
            if (v instanceof JsonNumber number) {
                try {
                    return number.value().longValueExact();
                } catch (ArithmeticException e) {
                    problems.add(new Violation(field, "must be a whole number, got " + number.value().toPlainString()));
                    return null;
                }
            }
            problems.add(new Violation(field, "must be a whole number, got " + v.typeName()));
            return null;
        }

        private boolean bool(String field) {
            JsonValue v = body.get(field);
            if (v == null || v == JsonNull.NULL) {
                return false;
            }
            if (v instanceof JsonBoolean b) {
                return b.value();
            }
            problems.add(new Violation(field, "must be true or false, got " + v.typeName()));
            return false;
        }
    }
}
