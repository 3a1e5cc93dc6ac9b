package dev.engram.app.http;

import dev.engram.domain.json.JsonObject;
import dev.engram.domain.trajectory.Timestamps;
import dev.engram.json.JsonCodec;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Locale;

/**
 * One line per request on standard error — text, or one JSON object per line ({@code server.log_format: json}).
 * It names the key by its id only: the key itself, the Authorization header and bodies are never logged.
 */
final class AccessLog {
    private final PrintStream out;
    private final boolean json;

    AccessLog(PrintStream out, boolean json) {
        this.out = out;
        this.json = json;
    }

    void request(String requestId, String method, String path, String route, int status, long nanos, String keyId, String namespace) {
        double millis = nanos / 1e6;
        if (json) {
            JsonObject.Builder line = JsonObject.builder()
                    .put("time", Timestamps.format(Instant.now()))
                    .put("level", "info")
                    .put("event", "request")
                    .put("request_id", requestId)
                    .put("method", method)
                    .put("path", path)
                    .put("route", route)
                    .put("status", status)
                    .put("millis", Math.round(millis * 1000) / 1000.0);
            if (keyId != null) {
                line.put("key_id", keyId).put("namespace", namespace);
            }
            out.println(JsonCodec.instance().write(line.build()));
        } else {
            out.println(String.format(Locale.ROOT, "%s %s %s %d %.1fms id=%s%s", Timestamps.format(Instant.now()), method, path, status, millis,
                    requestId, keyId == null ? "" : " key=" + keyId + " ns=" + namespace));
        }
    }

    void event(String level, String message) {
        if (json) {
            out.println(JsonCodec.instance().write(JsonObject.builder().put("time", Timestamps.format(Instant.now()))
                    .put("level", level).put("event", "server").put("message", message).build()));
        } else {
            out.println(Timestamps.format(Instant.now()) + " " + level + " " + message);
        }
    }
}
