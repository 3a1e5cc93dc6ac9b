package dev.engram.json;

import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import dev.engram.domain.json.JsonArray;
import dev.engram.domain.json.JsonBoolean;
import dev.engram.domain.json.JsonNull;
import dev.engram.domain.json.JsonNumber;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.JsonString;
import dev.engram.domain.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;

/**
 * JSON text to and from the domain's {@link JsonValue} trees, on Jackson's streaming API: numbers keep their exact
 * decimal value ({@code 12345678901234567}, {@code 1.50}), duplicate keys are refused, object member order is kept.
 * Thread-safe; one instance serves a whole process.
 */
public final class JsonCodec {
    /** Above any configurable domain depth limit, so that the domain reports the path; below a stack overflow. */
    static final int MAX_PARSE_DEPTH = 1_000;

    private static final JsonCodec INSTANCE = new JsonCodec();

    private final JsonFactory factory;

    private JsonCodec() {
        factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                // writing one value onto a caller's stream must leave it open for the next (JSON Lines, a response)
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_PARSE_DEPTH)
                        .maxNumberLength(1_000)
                        .maxStringLength(64 * 1024 * 1024)
                        .build())
                .build();
    }

    public static JsonCodec instance() {
        return INSTANCE;
    }

    JsonFactory factory() {
        return factory;
    }

    /** Parses exactly one JSON value; anything after it but whitespace is an error. */
    public JsonValue parse(String text) {
        try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), text)) {
            return parseDocument(parser, 1);
        }
    }

    /** As {@link #parse(String)}, from UTF-8 bytes. */
    public JsonValue parse(byte[] utf8) {
        try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), utf8)) {
            return parseDocument(parser, 1);
        }
    }

    /** Parses one value whose text starts on {@code firstLine} of a larger input (errors then name that input's line). */
    JsonValue parse(String text, long firstLine) {
        try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), text)) {
            return parseDocument(parser, firstLine);
        }
    }

    /** As {@link #parse(String, long)}, from {@code length} UTF-8 bytes at {@code offset}. */
    JsonValue parse(byte[] utf8, int offset, int length, long firstLine) {
        try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), utf8, offset, length)) {
            return parseDocument(parser, firstLine);
        }
    }

    private JsonValue parseDocument(JsonParser parser, long firstLine) {
        try {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw malformed("the input is empty");
            }
            JsonValue value = read(parser, token);
            if (parser.nextToken() != null) {
                throw malformed(at(parser.currentTokenLocation(), firstLine) + "unexpected content after the JSON value");
            }
            return value;
        } catch (JacksonException e) {
            throw malformed(describe(e, firstLine));
        }
    }

    /**
     * Reads the value that starts at the parser's current token (or the next one when it has none) from any
     * Jackson parser — also a YAML one, for configuration files; the parser is left on the value's last token.
     */
    public JsonValue readValue(JsonParser parser) {
        JsonToken token = parser.currentToken() != null ? parser.currentToken() : parser.nextToken();
        if (token == null) {
            throw malformed("the input is empty");
        }
        return read(parser, token);
    }

    /** Reads the value that starts at the current token; the parser is left on its last token. */
    JsonValue read(JsonParser parser, JsonToken token) {
        switch (token) {
            case START_OBJECT: {
                Map<String, JsonValue> members = new LinkedHashMap<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
                    String name = parser.currentName();
                    members.put(name, read(parser, parser.nextToken()));
                }
                return new JsonObject(members);
            }
            case START_ARRAY: {
                List<JsonValue> elements = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    elements.add(read(parser, next));
                }
                return new JsonArray(elements);
            }
            case VALUE_STRING:
                return new JsonString(parser.getString());
            case VALUE_NUMBER_INT:
                return new JsonNumber(new BigDecimal(parser.getBigIntegerValue()));
            case VALUE_NUMBER_FLOAT:
                return new JsonNumber(parser.getDecimalValue());
            case VALUE_TRUE:
                return JsonBoolean.TRUE;
            case VALUE_FALSE:
                return JsonBoolean.FALSE;
            case VALUE_NULL:
                return JsonNull.NULL;
            default:
                throw new IllegalStateException("unexpected token " + token);
        }
    }

    /** Compact JSON text. */
    public String write(JsonValue value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        write(value, out, false);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Indented JSON text, for people. */
    public String writePretty(JsonValue value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        write(value, out, true);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** UTF-8 JSON onto a stream, which is left open. */
    public void write(JsonValue value, OutputStream out, boolean pretty) {
        try (JsonGenerator generator = factory.createGenerator(context(pretty), out)) {
            write(generator, value);
        }
    }

    /** JSON onto a writer, which is left open. */
    public void write(JsonValue value, Writer out, boolean pretty) {
        try (JsonGenerator generator = factory.createGenerator(context(pretty), out)) {
            write(generator, value);
        }
    }

    private static ObjectWriteContext context(boolean pretty) {
        if (!pretty) {
            return ObjectWriteContext.empty();
        }
        return new ObjectWriteContext.Base() {
            @Override
            public PrettyPrinter getPrettyPrinter() {
                return new DefaultPrettyPrinter();
            }

            @Override
            public boolean hasPrettyPrinter() {
                return true;
            }
        };
    }

    private static void write(JsonGenerator generator, JsonValue value) {
        if (value instanceof JsonObject object) {
            generator.writeStartObject();
            for (Map.Entry<String, JsonValue> member : object.members().entrySet()) {
                generator.writeName(member.getKey());
                write(generator, member.getValue());
            }
            generator.writeEndObject();
        } else if (value instanceof JsonArray array) {
            generator.writeStartArray();
            for (JsonValue element : array.elements()) {
                write(generator, element);
            }
            generator.writeEndArray();
        } else if (value instanceof JsonString string) {
            generator.writeString(string.value());
        } else if (value instanceof JsonNumber number) {
            BigDecimal decimal = number.value();
            if (decimal.scale() <= 0 && decimal.precision() - decimal.scale() <= 40) {
                generator.writeNumber(decimal.toBigIntegerExact());
            } else {
                generator.writeNumber(decimal);
            }
        } else if (value instanceof JsonBoolean bool) {
            generator.writeBoolean(bool.value());
        } else {
            generator.writeNull();
        }
    }

    static DomainException malformed(String message) {
        return new DomainException(ErrorCode.MALFORMED_JSON, message);
    }

    /** "line 3, column 7: Unexpected character ('}' ...)" without Jackson's source excerpt or internal class names. */
    static String describe(JacksonException e, long firstLine) {
        String message = e.getOriginalMessage();
        if (message == null) {
            message = "not valid JSON";
        }
        int cut = message.indexOf("\n at [");
        if (cut >= 0) {
            message = message.substring(0, cut);
        }
        message = message.replace("tools.jackson.core.", "").replace("StreamReadConstraints.", "");
        // Jackson suggests a feature switch, which means nothing to whoever sent the JSON
        message = message.replaceFirst("Non-standard token '([^']*)': enable .*", "$1 is not a JSON number (JSON has no NaN or Infinity)");
        return at(e.getLocation(), firstLine) + message.trim();
    }

    private static String at(TokenStreamLocation location, long firstLine) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return "line " + (firstLine + location.getLineNr() - 1) + ", column " + location.getColumnNr() + ": ";
    }
}
