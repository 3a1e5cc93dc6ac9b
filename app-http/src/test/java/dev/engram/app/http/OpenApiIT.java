package dev.engram.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.JsonString;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAPI document the server serves names exactly the router's routes, with the roles the router enforces. */
class OpenApiIT {
    @TempDir
    static Path dir;
    static TestServer s;

    @BeforeAll
    static void start() {
        s = new TestServer(dir);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void everyDocumentedRouteIsServedAndEveryServedRouteIsDocumented() {
        JsonObject doc = (JsonObject) s.get("/openapi.json", null).json();
        assertThat(((JsonString) doc.get("openapi")).value()).startsWith("3.");
        Set<String> documented = new TreeSet<>();
        Set<String> documentedRoles = new TreeSet<>();
        JsonObject paths = (JsonObject) doc.get("paths");
        paths.members().forEach((path, item) -> ((JsonObject) item).members().forEach((method, op) -> {
            documented.add(method.toUpperCase(Locale.ROOT) + " " + path);
            if (((JsonObject) op).get("x-engram-role") instanceof JsonString role) {
                documentedRoles.add(method.toUpperCase(Locale.ROOT) + " " + path + " " + role.value());
            }
        }));
        Set<String> served = new TreeSet<>();
        Set<String> servedRoles = new TreeSet<>();
        for (Route r : s.server.routes()) {
            served.add(r.method() + " " + r.template());
            if (r.role() != null) {
                servedRoles.add(r.method() + " " + r.template() + " " + r.role().wireName());
            }
        }
        assertThat(documented).isEqualTo(served);
        assertThat(documentedRoles).isEqualTo(servedRoles);
    }

    @Test
    void everyV1RouteNeedsAKey() {
        for (Route r : s.server.routes()) {
            if (r.template().startsWith("/v1/")) {
                assertThat(r.role()).as(r.method() + " " + r.template()).isNotNull();
                String path = r.template().replace("{id}", "x").replace("{agent}", "x");
                assertThat(s.send(r.method(), path, null, null, null).status()).as(r.method() + " " + path).isEqualTo(401);
            }
        }
    }
}
