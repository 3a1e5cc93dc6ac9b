package dev.engram.app.http;

import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import dev.engram.domain.json.JsonObject;
import dev.engram.json.views.ErrorView;
import java.util.List;
import java.util.Map;

/**
 * A refusal with its HTTP status, in the one error shape; the mapping from the domain's error codes to statuses lives
 * here and nowhere else.
 */
final class HttpFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient JsonObject body;
    private final transient Map<String, String> headers;

    HttpFailure(int status, JsonObject body, Map<String, String> headers) {
        super(null, null, false, false);
        this.status = status;
        this.body = body;
        this.headers = headers;
    }

    static HttpFailure of(int status, ErrorCode code, String message) {
        return new HttpFailure(status, ErrorView.of(code, message, List.of()), Map.of());
    }

    /** For refusals the domain has no code for (415, 405): the same shape, a code of the server's own. */
    static HttpFailure of(int status, String code, String message) {
        JsonObject error = JsonObject.builder().put("code", code).put("message", message)
                .put("details", dev.engram.domain.json.JsonArray.EMPTY).build();
        return new HttpFailure(status, JsonObject.builder().put("error", error).build(), Map.of());
    }

    static HttpFailure of(DomainException e) {
        return new HttpFailure(status(e.code()), ErrorView.of(e), Map.of());
    }

    static int status(ErrorCode code) {
        return switch (code) {
            case MALFORMED_JSON, INVALID_ARGUMENT -> 400;
            case INVALID_TRAJECTORY, INVALID_INPUT -> 422;
            case CONFLICT -> 409;
            case NOT_FOUND -> 404;
            case TOO_LARGE -> 413;
            case UNAUTHORIZED -> 401;
            case FORBIDDEN -> 403;
            case RATE_LIMITED -> 429;
            case BACKEND_UNAVAILABLE -> 503;
            case INTERNAL -> 500;
        };
    }

    HttpFailure header(String name, String value) {
        Map<String, String> more = new java.util.LinkedHashMap<>(headers);
        more.put(name, value);
        return new HttpFailure(status, body, more);
    }

    int status() {
        return status;
    }

    Reply reply() {
        Reply reply = Reply.json(status, body);
        headers.forEach(reply::header);
        return reply;
    }
}
