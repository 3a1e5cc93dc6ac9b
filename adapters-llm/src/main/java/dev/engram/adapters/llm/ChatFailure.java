package dev.engram.adapters.llm;

import java.time.Duration;

/**
 * Why a chat completion gave no usable answer, in words fit for a log line and a {@code --json} report: never the
 * key, never a header, and server text only after {@link ApiKey#scrub}. It carries no cause for the same reason.
 */
final class ChatFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What kind of failure, which decides whether to retry and whether the endpoint counts as failing. */
    enum Kind {
        /** 429, 5xx, a timeout, a broken connection: worth another attempt. */
        TRANSIENT,
        /** The server refused the {@code response_format} asked for: ask again with a simpler one. */
        FORMAT_REJECTED,
        /** The endpoint cannot serve us now (refused connection, 401, 404, an unknown host): no retry. */
        UNAVAILABLE,
        /** The endpoint answered, but not with anything usable (bad JSON, no choices): no retry. */
        BAD_ANSWER
    }

    private final Kind kind;
    private final Duration retryAfter;

    ChatFailure(Kind kind, String message) {
        this(kind, message, null);
    }

    ChatFailure(Kind kind, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    Kind kind() {
        return kind;
    }

    /** The server's {@code Retry-After}, or null. */
    Duration retryAfter() {
        return retryAfter;
    }

    /** Whether the endpoint itself is failing (what the circuit breaker counts); a bad answer is not that. */
    boolean endpointFault() {
        return kind == Kind.TRANSIENT || kind == Kind.UNAVAILABLE;
    }
}
