package dev.engram.app.http;

import dev.engram.app.http.keys.ApiKey;
import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import dev.engram.domain.error.Violation;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import reactor.netty.http.server.HttpServerRequest;

/** One request as a handler sees it: the path and query parameters, the caller's key (its namespace) and the request. */
final class Call {
    private final HttpServerRequest request;
    private final Map<String, String> pathParams;
    private final Map<String, List<String>> query;
    private final ApiKey key;
    private final String requestId;

    Call(HttpServerRequest request, Map<String, String> pathParams, Map<String, List<String>> query, ApiKey key, String requestId) {
        this.request = request;
        this.pathParams = pathParams;
        this.query = query;
        this.key = key;
        this.requestId = requestId;
    }

    static Map<String, List<String>> parseQuery(String uri) {
        return new QueryStringDecoder(uri).parameters();
    }

    HttpServerRequest request() {
        return request;
    }

    String requestId() {
        return requestId;
    }

    /** The caller's namespace: the key's, never anything the request says. */
    String namespace() {
        return key.namespace();
    }

    ApiKey key() {
        return key;
    }

    String path(String name) {
        return pathParams.get(name);
    }

    String header(String name) {
        return request.requestHeaders().get(name);
    }

    /** A query parameter, or null; given twice it is refused (which one was meant?). */
    String query(String name) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw DomainException.invalidArgument(name, "is given " + values.size() + " times; give it once");
        }
        return values.get(0);
    }

    int queryInt(String name, int fallback, int min, int max) {
        String text = query(name);
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value < min || value > max) {
                throw DomainException.invalidArgument(name, "must be between " + min + " and " + max + ", got " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw DomainException.invalidArgument(name, "must be a whole number, got '" + text + "'");
        }
    }

    boolean queryFlag(String name) {
        String text = query(name);
        if (text == null) {
            return false;
        }
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "", "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw DomainException.invalidArgument(name, "must be true or false, got '" + text + "'");
        };
    }

    /** Query parameters not in the list are refused, each named (a typo would otherwise be silently ignored). */
    void onlyQuery(String... known) {
        if (query.isEmpty()) {
            return;
        }
        List<String> allowed = List.of(known);
        List<Violation> unknown = new ArrayList<>();
        for (String k : query.keySet()) {
            if (!allowed.contains(k)) {
                unknown.add(new Violation(k, "is not a parameter of this route"
                        + (allowed.isEmpty() ? " (it takes none)" : " (it takes " + String.join(", ", allowed) + ")")));
            }
        }
        if (!unknown.isEmpty()) {
            throw new DomainException(ErrorCode.INVALID_ARGUMENT,
                    unknown.size() == 1 ? unknown.get(0).field() + ": " + unknown.get(0).message() : unknown.size() + " unknown parameters", unknown);
        }
    }
}
