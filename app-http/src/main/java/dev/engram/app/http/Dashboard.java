package dev.engram.app.http;

import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The dashboard at {@code /}: three static files (resources {@code /dashboard/}), read once, served without a key —
 * the page asks for one and sends it on its API calls. A strict content security policy: the page loads nothing
 * but its own script and stylesheet and talks to nothing but this server.
 */
final class Dashboard {
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
            + " img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private Dashboard() {
    }

    static List<Route> routes() {
        return List.of(
                asset("/", "index.html", "text/html; charset=utf-8"),
                asset("/dashboard.js", "dashboard.js", "text/javascript; charset=utf-8"),
                asset("/dashboard.css", "dashboard.css", "text/css; charset=utf-8"));
    }

    private static Route asset(String path, String file, String contentType) {
        byte[] body = EngramServer.resource("/dashboard/" + file);
        return new Route("GET", path, null, call -> Mono.just(Reply.bytes(200, contentType, body)
                .header("Cache-Control", "no-cache")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)));
    }
}
