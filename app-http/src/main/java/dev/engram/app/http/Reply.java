package dev.engram.app.http;

import dev.engram.domain.json.JsonValue;
import dev.engram.json.JsonCodec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * What a route answers: a status, headers and either a whole body (JSON, text) or a stream of text chunks (the
 * live feed). Bodies are serialised by the handler: off the event loop, but for a cached context (small, and written once).
 */
record Reply(int status, String contentType, byte[] body, Publisher<String> stream, Map<String, String> headers) {
    static final String JSON = "application/json";

    static Reply json(int status, JsonValue value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        JsonCodec.instance().write(value, out, false);
        out.write('\n');
        return new Reply(status, JSON, out.toByteArray(), null, new LinkedHashMap<>());
    }

    static Reply text(int status, String contentType, String text) {
        return new Reply(status, contentType, text.getBytes(StandardCharsets.UTF_8), null, new LinkedHashMap<>());
    }

    static Reply bytes(int status, String contentType, byte[] body) {
        return new Reply(status, contentType, body, null, new LinkedHashMap<>());
    }

    static Reply empty(int status) {
        return new Reply(status, null, new byte[0], null, new LinkedHashMap<>());
    }

    static Reply stream(String contentType, Publisher<String> chunks) {
        return new Reply(200, contentType, null, chunks, new LinkedHashMap<>());
    }

    Reply header(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
