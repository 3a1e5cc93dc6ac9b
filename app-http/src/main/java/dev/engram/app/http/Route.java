package dev.engram.app.http;

import dev.engram.app.http.keys.ApiRole;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * One route: a method, a path template ({@code /v1/trajectories/{id}}), the role a key needs (null: no key, for
 * {@code /healthz} and the like), and the handler. The template is the route's name in metrics and logs.
 */
record Route(String method, String template, ApiRole role, Function<Call, Mono<Reply>> handler, List<String> segments) {
    Route(String method, String template, ApiRole role, Function<Call, Mono<Reply>> handler) {
        // the template's segments split once, not on every request that tries the route
        this(method, template, role, handler, List.of(template.substring(1).split("/", -1)));
    }

    /** The path parameters when the path matches the template, else null (nothing is allocated for a mismatch). */
    Map<String, String> match(List<String> path) {
        if (segments.size() != path.size()) {
            return null;
        }
        int params = 0;
        for (int i = 0; i < segments.size(); i++) {
            String part = segments.get(i);
            if (isParameter(part)) {
                if (path.get(i).isEmpty()) {
                    return null;
                }
                params++;
            } else if (!part.equals(path.get(i))) {
                return null;
            }
        }
        if (params == 0) {
            return Map.of();
        }
        Map<String, String> values = new HashMap<>(4);
        for (int i = 0; i < segments.size(); i++) {
            String part = segments.get(i);
            if (isParameter(part)) {
                values.put(part.substring(1, part.length() - 1), path.get(i));
            }
        }
        return values;
    }

    private static boolean isParameter(String part) {
        return part.startsWith("{") && part.endsWith("}");
    }
}
