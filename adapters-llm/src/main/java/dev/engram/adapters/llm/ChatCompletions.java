package dev.engram.adapters.llm;

import dev.engram.domain.error.DomainException;
import dev.engram.domain.json.JsonArray;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.JsonString;
import dev.engram.domain.json.JsonValue;
import dev.engram.json.JsonCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * One chat completion against an OpenAI-compatible endpoint, answering the text of the first choice. It retries
 * what is worth retrying (429, 5xx, timeouts, a dropped connection) with {@link Backoff}, steps the
 * {@link ResponseFormat} down when a server refuses it (and remembers the format that worked for later calls), and
 * turns every other outcome into a {@link ChatFailure}. OkHttp's blocking calls run on a bounded scheduler whose
 * size is the concurrency limit, never on the caller's thread; a cancelled subscription cancels the call.
 */
final class ChatCompletions {
    private static final Logger LOG = LoggerFactory.getLogger(ChatCompletions.class);
    private static final MediaType JSON = MediaType.get("application/json");
    /** An answer of a few rules is a few KiB; a server sending more is not answering our question. */
    private static final int MAX_REPLY_BYTES = 1 << 20;
    private static final int SHOWN_SERVER_TEXT = 200;

    private final OkHttpClient http;
    private final HttpUrl url;
    private final String model;
    private final int maxTokens;
    private final ApiKey key;
    private final Scheduler calls;
    private final Backoff backoff;
    private final int maxRetries;
    private final AtomicReference<ResponseFormat> format = new AtomicReference<>(ResponseFormat.JSON_SCHEMA);

    ChatCompletions(OkHttpClient http, HttpUrl baseUrl, String model, int maxTokens, ApiKey key, Scheduler calls,
                    Backoff backoff, int maxRetries) {
        this.http = http;
        this.url = baseUrl.newBuilder().addPathSegments("chat/completions").build();
        this.model = model;
        this.maxTokens = maxTokens;
        this.key = key;
        this.calls = calls;
        this.backoff = backoff;
        this.maxRetries = maxRetries;
    }

    /** The first choice's text for these messages ({@code {"role", "content"}} objects). */
    Mono<String> complete(List<JsonObject> messages) {
        return completeWith(messages, format.get());
    }

    private Mono<String> completeWith(List<JsonObject> messages, ResponseFormat current) {
        return withRetries(Mono.defer(() -> once(request(messages, current), current)))
                .onErrorResume(e -> e instanceof ChatFailure failure && failure.kind() == ChatFailure.Kind.FORMAT_REJECTED, e -> {
                    ResponseFormat looser = current.looser();
                    format.compareAndSet(current, looser);
                    LOG.info("{} refused response_format {}; asking again with {}", url, current, looser);
                    return completeWith(messages, looser);
                });
    }

    private Mono<String> withRetries(Mono<String> attempt) {
        return attempt.retryWhen(Retry.from(signals -> signals.concatMap(signal -> {
            Throwable error = signal.failure();
            if (!(error instanceof ChatFailure failure) || failure.kind() != ChatFailure.Kind.TRANSIENT) {
                return Mono.error(error);
            }
            int attempts = (int) signal.totalRetries() + 1;
            if (attempts > maxRetries) {
                String suffix = attempts > 1 ? " (" + attempts + " attempts)" : "";
                return Mono.error(new ChatFailure(failure.kind(), failure.getMessage() + suffix, failure.retryAfter()));
            }
            return backoff.delay(attempts, failure.retryAfter())
                    .map(wait -> {
                        LOG.debug("{}; retry {} of {} in {} ms", failure.getMessage(), attempts, maxRetries, wait.toMillis());
                        return Mono.delay(wait, Schedulers.parallel());
                    })
                    .orElseGet(() -> Mono.error(new ChatFailure(failure.kind(), failure.getMessage() + "; the server asks to wait "
                            + failure.retryAfter().toSeconds() + "s, longer than openai.max_backoff")));
        })));
    }

    private Request request(List<JsonObject> messages, ResponseFormat current) {
        JsonObject.Builder body = JsonObject.builder()
                .put("model", model)
                .put("messages", new JsonArray(List.copyOf(messages)))
                .put("temperature", 0L)
                .put("max_tokens", maxTokens)
                .put("stream", false)
                .putIfPresent("response_format", current.requestValue());
        Request.Builder request = new Request.Builder().url(url).post(RequestBody.create(JsonCodec.instance().write(body.build()), JSON));
        key.bearer().ifPresent(bearer -> request.header("Authorization", bearer));
        return request.build();
    }

    private Mono<String> once(Request request, ResponseFormat current) {
        Call call = http.newCall(request);
        return Mono.fromCallable(() -> execute(call, current)).subscribeOn(calls).doOnCancel(call::cancel);
    }

    /** Runs the call on a scheduler thread; null (an empty Mono) when the caller cancelled it. */
    private String execute(Call call, ResponseFormat current) {
        try (Response response = call.execute()) {
            String body = read(response.body());
            if (response.isSuccessful()) {
                return content(body);
            }
            throw statusFailure(response, body, current);
        } catch (IOException e) {
            if (call.isCanceled()) {
                return null; // the overall timeout fired: nobody waits for this failure any more
            }
            throw ioFailure(e);
        }
    }

    private static String read(ResponseBody body) throws IOException {
        try (InputStream in = body.byteStream()) {
            byte[] bytes = in.readNBytes(MAX_REPLY_BYTES + 1);
            if (bytes.length > MAX_REPLY_BYTES) {
                throw new ChatFailure(ChatFailure.Kind.BAD_ANSWER, "the reply is larger than " + MAX_REPLY_BYTES + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private ChatFailure statusFailure(Response response, String body, ResponseFormat current) {
        int code = response.code();
        if (code == 429 || code == 408 || code >= 500) {
            Duration retryAfter = RetryAfter.parse(response.header("Retry-After"), Instant.now()).orElse(null);
            return new ChatFailure(ChatFailure.Kind.TRANSIENT, "the endpoint answered " + code + serverText(body), retryAfter);
        }
        if (code == 401 || code == 403) {
            // the server's text is not shown: it may quote the key it refused
            return new ChatFailure(ChatFailure.Kind.UNAVAILABLE, "the endpoint refused the API key (" + code
                    + "); check the environment variable named by openai.api_key_env");
        }
        if ((code == 400 || code == 422) && current != ResponseFormat.NONE && refusesFormat(body)) {
            return new ChatFailure(ChatFailure.Kind.FORMAT_REJECTED, "the endpoint refused response_format " + current);
        }
        if (code == 404) {
            return new ChatFailure(ChatFailure.Kind.UNAVAILABLE, "the endpoint has no " + url.encodedPath() + " (404)" + serverText(body));
        }
        return new ChatFailure(ChatFailure.Kind.UNAVAILABLE, "the endpoint answered " + code + serverText(body));
    }

    private static boolean refusesFormat(String body) {
        String text = body.toLowerCase(Locale.ROOT);
        return text.contains("response_format") || text.contains("json_schema") || text.contains("json_object")
                || text.contains("response format") || text.contains("schema");
    }

    /** A short, scrubbed excerpt of the server's error message, for the reason shown to the user. */
    private String serverText(String body) {
        String message = body;
        try {
            JsonValue parsed = JsonCodec.instance().parse(body);
            if (parsed instanceof JsonObject object && object.get("error") instanceof JsonObject error
                    && error.get("message") instanceof JsonString text) {
                message = text.value();
            } else if (parsed instanceof JsonObject object && object.get("error") instanceof JsonString text) {
                message = text.value();
            }
        } catch (DomainException notJson) {
            // shown as it is, cut
        }
        String clean = key.scrub(message).replaceAll("\\p{Cntrl}+", " ").trim();
        if (clean.isEmpty()) {
            return "";
        }
        int end = clean.offsetByCodePoints(0, Math.min(clean.codePointCount(0, clean.length()), SHOWN_SERVER_TEXT));
        return ": " + clean.substring(0, end);
    }

    private static ChatFailure ioFailure(IOException e) {
        if (e instanceof ConnectException || e instanceof UnknownHostException || e instanceof NoRouteToHostException) {
            return new ChatFailure(ChatFailure.Kind.UNAVAILABLE, "cannot connect to the endpoint (" + e.getClass().getSimpleName() + ")");
        }
        if (e instanceof InterruptedIOException) {
            return new ChatFailure(ChatFailure.Kind.TRANSIENT, "the endpoint did not answer in time");
        }
        return new ChatFailure(ChatFailure.Kind.TRANSIENT, "the connection failed while the answer was read ("
                + e.getClass().getSimpleName() + ")");
    }

    /** {@code choices[0].message.content} of a completion. */
    private static String content(String body) {
        JsonValue reply;
        try {
            reply = JsonCodec.instance().parse(body);
        } catch (DomainException e) {
            throw new ChatFailure(ChatFailure.Kind.BAD_ANSWER, "the reply is not complete JSON: " + e.getMessage());
        }
        if (!(reply instanceof JsonObject object)) {
            throw new ChatFailure(ChatFailure.Kind.BAD_ANSWER, "the reply is not a JSON object");
        }
        if (!(object.get("choices") instanceof JsonArray choices) || choices.size() == 0) {
            throw new ChatFailure(ChatFailure.Kind.BAD_ANSWER, "the reply has no choices");
        }
        if (!(choices.get(0) instanceof JsonObject choice) || !(choice.get("message") instanceof JsonObject message)
                || !(message.get("content") instanceof JsonString text) || text.value().isBlank()) {
            throw new ChatFailure(ChatFailure.Kind.BAD_ANSWER, "the reply's first choice has no text");
        }
        return text.value();
    }
}
