package dev.engram.app.http;

import dev.engram.app.http.keys.ApiRole;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * One route: a method, a path template ({@code /v1/trajectories/{id}}), the role a key needs (null: no key, for
 * {@code /healthz} and the like), and the handler. The template is the route's name in metrics and logs.
 */
record Route(String method, String template, ApiRole role, Function<Call, Mono<Reply>> handler) {
    List<String> segments() {
        return List.of(template.substring(1).split("/", -1));
    }

    /** The path parameters when the path matches the template, else null. */
    Map<String, String> match(List<String> path) {
        List<String> parts = segments();
        if (parts.size() != path.size()) {
            return null;
        }
        Map<String, String> params = new java.util.HashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            if (part.startsWith("{") && part.endsWith("}")) {
                if (path.get(i).isEmpty()) {
                    return null;
                }
                params.put(part.substring(1, part.length() - 1), path.get(i));
            } else if (!part.equals(path.get(i))) {
                return null;
            }
        }
        return params;
    }
}
