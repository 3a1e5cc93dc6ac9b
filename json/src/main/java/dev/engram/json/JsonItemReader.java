package dev.engram.json;

import dev.engram.domain.error.DomainException;
import dev.engram.domain.json.JsonValue;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;

/**
 * Reads a batch input item by item in constant memory (one item at a time): a single JSON value, a JSON array of
 * items, or JSON Lines (several values, one per line; pretty-printed values spanning lines work too). Every item
 * carries its line so that errors can say {@code line 17: ...}. In a sequence, a malformed item is reported and
 * reading resumes at the next item; inside an array, the first syntax error ends the input (it cannot be resynced).
 * Input must be UTF-8; anything else is reported at the line where it starts.
 */
public final class JsonItemReader implements Closeable {
    private final PushbackReader in;
    private final long maxItemChars;
    private final JsonCodec codec = JsonCodec.instance();
    private final Deque<JsonItem> pending = new ArrayDeque<>();

    private long line = 1;
    private int index;
    private boolean started;
    private boolean finished;
    private JsonParser arrayParser;
    private long arrayLineOffset;

    /**
     * @param maxItemChars an item longer than this is reported as too large (and skipped past), so that one huge
     *                     value cannot exhaust memory
     */
    public JsonItemReader(InputStream input, long maxItemChars) {
        this.in = new PushbackReader(new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)), 64 * 1024), 1);
        this.maxItemChars = maxItemChars;
    }

    /** The next item, or {@code null} at the end of the input. */
    public JsonItem next() {
        if (!pending.isEmpty()) {
            return pending.poll();
        }
        if (finished) {
            return null;
        }
        try {
            if (!started) {
                started = true;
                int first = skipWhitespace();
                if (first >= 0) {
                    in.unread(first);
                }
                if (first == '[') {
                    arrayLineOffset = line - 1;
                    arrayParser = codec.factory().createParser(ObjectReadContext.empty(), in);
                    arrayParser.nextToken();
                }
            }
            return arrayParser != null ? nextInArray() : nextInSequence();
        } catch (CharacterCodingException e) {
            finished = true;
            return error(line, line, "the input is not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonItem nextInArray() {
        try {
            JsonToken token = arrayParser.nextToken();
            if (token == JsonToken.END_ARRAY) {
                finished = true;
                if (arrayParser.nextToken() != null) {
                    long at = arrayLineOffset + arrayParser.currentTokenLocation().getLineNr();
                    return error(at, at, "unexpected content after the JSON array");
                }
                return null;
            }
            long start = arrayLineOffset + arrayParser.currentTokenLocation().getLineNr();
            JsonValue value = codec.read(arrayParser, token);
            return new JsonItem(index++, start, arrayLineOffset + arrayParser.currentLocation().getLineNr(), value, null);
        } catch (JacksonException e) {
            finished = true;
            long at = arrayLineOffset + (e.getLocation() == null ? 1 : e.getLocation().getLineNr());
            return error(at, at, JsonCodec.describe(e, 1).replaceFirst("^line \\d+, column \\d+: ", ""));
        }
    }

    private JsonItem nextInSequence() throws IOException {
        int c = skipWhitespace();
        if (c < 0) {
            finished = true;
            return null;
        }
        long start = line;
        StringBuilder text = new StringBuilder();
        boolean tooLarge = false;
        if (c == '{' || c == '[') {
            int depth = 0;
            boolean inString = false;
            boolean escaped = false;
            while (c >= 0) {
                if (c == '\n') {
                    if (inString) {
                        // a raw newline cannot be inside a JSON string: the item is broken; resume at the next line
                        line++;
                        return tooLarge ? tooLarge(start) : error(start, line - 1, "a string is not closed before the end of the line");
                    }
                    line++;
                }
                if (!tooLarge) {
                    text.append((char) c);
                    tooLarge = text.length() > maxItemChars;
                }
                if (inString) {
                    if (escaped) {
                        escaped = false;
                    } else if (c == '\\') {
                        escaped = true;
                    } else if (c == '"') {
                        inString = false;
                    }
                } else if (c == '"') {
                    inString = true;
                } else if (c == '{' || c == '[') {
                    depth++;
                } else if (c == '}' || c == ']') {
                    depth--;
                    if (depth == 0) {
                        break;
                    }
                }
                c = read();
            }
            if (c < 0) {
                return error(start, line, "the input ends inside a JSON value that starts here");
            }
        } else {
            // a scalar or junk: the rest of the line is the item
            while (c >= 0 && c != '\n') {
                if (!tooLarge) {
                    text.append((char) c);
                    tooLarge = text.length() > maxItemChars;
                }
                c = read();
            }
            if (c == '\n') {
                unread(c);
            }
        }
        if (tooLarge) {
            return tooLarge(start);
        }
        JsonValue value;
        try {
            // parsed before the index is taken: a malformed item gets its index once, in error()
            value = codec.parse(text.toString(), start);
        } catch (DomainException e) {
            return error(start, line, e.getMessage().replaceFirst("^line \\d+, column \\d+: ", ""));
        }
        return new JsonItem(index++, start, line, value, null);
    }

    private JsonItem tooLarge(long start) {
        return error(start, line, "the item is larger than the limit of " + maxItemChars + " characters");
    }

    private JsonItem error(long start, long end, String message) {
        return new JsonItem(index++, start, end, null, message);
    }

    private int skipWhitespace() throws IOException {
        int c = read();
        while (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\uFEFF') {
            if (c == '\n') {
                line++;
            }
            c = read();
        }
        return c;
    }

    private int read() throws IOException {
        return in.read();
    }

    private void unread(int c) throws IOException {
        in.unread(c);
    }

    @Override
    public void close() throws IOException {
        if (arrayParser != null) {
            arrayParser.close();
        }
        in.close();
    }
}
