package dev.engram.json;

import dev.engram.domain.error.DomainException;
import dev.engram.domain.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
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
 *
 * <p>A sequence is scanned as bytes, a buffer at a time (JSON's structure is ASCII, so item boundaries can be found
 * without decoding), each item's bytes are checked as UTF-8 as they pass and handed to Jackson's byte parser whole.
 * An array is handed to Jackson's streaming parser as it comes.
 */
public final class JsonItemReader implements Closeable {
    private static final int BUFFER = 64 * 1024;

    private final InputStream input;
    private final long maxItemChars;
    private final JsonCodec codec = JsonCodec.instance();
    private final Deque<JsonItem> pending = new ArrayDeque<>();
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private int limit;
    private boolean eof;
    /** The bytes of the item being scanned (reused from item to item). */
    private byte[] item = new byte[8 * 1024];
    private int itemLength;

    /** UTF-8 checking: continuation bytes still expected, and the range the next one must fall in. */
    private int need;
    private int low = 0x80;
    private int high = 0xBF;

    private long line = 1;
    private int index;
    private boolean started;
    private boolean finished;
    private JsonParser arrayParser;
    private long arrayLineOffset;

    /** Thrown (and caught in {@link #next}) where the bytes are not UTF-8. */
    private static final class NotUtf8 extends Exception {
        NotUtf8() {
            super(null, null, false, false);
        }
    }

    /**
     * @param maxItemChars an item longer than this is reported as too large (and skipped past), so that one huge
     *                     value cannot exhaust memory
     */
    public JsonItemReader(InputStream input, long maxItemChars) {
        this.input = input;
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
                if (skipWhitespace() == '[') {
                    arrayLineOffset = line - 1;
                    // the rest of the buffer, then the rest of the input, decoded strictly (Jackson reads it as it comes)
                    InputStream rest = new SequenceInputStream(new ByteArrayInputStream(buf, pos, limit - pos), input);
                    arrayParser = codec.factory().createParser(ObjectReadContext.empty(), new InputStreamReader(rest,
                            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                                    .onUnmappableCharacter(CodingErrorAction.REPORT)));
                    arrayParser.nextToken();
                }
            }
            return arrayParser != null ? nextInArray() : nextInSequence();
        } catch (CharacterCodingException | NotUtf8 e) {
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

    private JsonItem nextInSequence() throws IOException, NotUtf8 {
        int c = skipWhitespace(); // put back: the scans below read it first
        if (c < 0) {
            finished = true;
            return null;
        }
        long start = line;
        itemLength = 0;
        long chars = 0;
        boolean tooLarge = false;
        need = 0;
        if (c == '{' || c == '[') {
            int depth = 0;
            boolean inString = false;
            boolean escaped = false;
            while (true) {
                if (inString && !escaped && need == 0 && pos < limit) {
                    // the bulk of an item is string text: a run of plain ASCII is taken at once
                    int end = plainRun(buf, pos, limit);
                    if (end > pos) {
                        int run = end - pos;
                        chars += run;
                        if (!tooLarge) {
                            appendRun(pos, run);
                            tooLarge = chars > maxItemChars;
                        }
                        pos = end;
                        continue;
                    }
                }
                c = read();
                if (c < 0) {
                    break;
                }
                chars += utf8(c);
                if (c == '\n') {
                    if (inString) {
                        // a raw newline cannot be inside a JSON string: the item is broken; resume at the next line
                        line++;
                        return tooLarge ? tooLarge(start) : error(start, line - 1, "a string is not closed before the end of the line");
                    }
                    line++;
                }
                if (!tooLarge) {
                    append(c);
                    tooLarge = chars > maxItemChars;
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
            }
            if (c < 0) {
                if (need > 0) {
                    throw new NotUtf8();
                }
                return error(start, line, "the input ends inside a JSON value that starts here");
            }
        } else {
            // a scalar or junk: the rest of the line is the item
            while (true) {
                c = read();
                if (c < 0 || c == '\n') {
                    break;
                }
                chars += utf8(c);
                if (!tooLarge) {
                    append(c);
                    tooLarge = chars > maxItemChars;
                }
            }
            if (need > 0) {
                throw new NotUtf8(); // the input or the line ends inside a character
            }
            if (c == '\n') {
                pos--; // the newline is whitespace before the next item (it was just read: still in the buffer)
            }
        }
        if (tooLarge) {
            return tooLarge(start);
        }
        JsonValue value;
        try {
            // parsed before the index is taken: a malformed item gets its index once, in error()
            value = codec.parse(item, 0, itemLength, start);
        } catch (DomainException e) {
            return error(start, line, e.getMessage().replaceFirst("^line \\d+, column \\d+: ", ""));
        }
        return new JsonItem(index++, start, line, value, null);
    }

    /**
     * Checks the next byte of UTF-8 text; returns the UTF-16 characters it completes the start of (0 for a
     * continuation byte, 2 for the lead of a character beyond the BMP).
     */
    private int utf8(int c) throws NotUtf8 {
        if (need > 0) {
            if (c < low || c > high) {
                throw new NotUtf8();
            }
            need--;
            low = 0x80;
            high = 0xBF;
            return 0;
        }
        if (c < 0x80) {
            return 1;
        }
        need = continuations(c);
        low = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
        high = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
        return need == 3 ? 2 : 1;
    }

    /** The continuation bytes a UTF-8 lead byte announces; not a lead byte (a stray continuation, 0xC0, 0xC1, 0xF5+): not UTF-8. */
    private static int continuations(int lead) throws NotUtf8 {
        if (lead >= 0xC2 && lead <= 0xDF) {
            return 1;
        }
        if (lead >= 0xE0 && lead <= 0xEF) {
            return 2;
        }
        if (lead >= 0xF0 && lead <= 0xF4) {
            return 3;
        }
        throw new NotUtf8();
    }

    /**
     * The end of the run of plain ASCII string text at {@code from}: the first quote, backslash, control character
     * or non-ASCII byte, or {@code to}. A small loop of its own, so that it is compiled early and on its own.
     */
    private static int plainRun(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to) {
            byte b = bytes[i];
            if (b < 0x20 || b == '"' || b == '\\') { // negative: not ASCII
                return i;
            }
            i++;
        }
        return i;
    }

    private void appendRun(int from, int length) {
        if (itemLength + length > item.length) {
            item = java.util.Arrays.copyOf(item, Math.max(item.length * 2, itemLength + length));
        }
        System.arraycopy(buf, from, item, itemLength, length);
        itemLength += length;
    }

    /** Appends the byte just read to the item (the read has already returned it; an item's bytes are kept whole). */
    private void append(int c) {
        if (itemLength == item.length) {
            item = java.util.Arrays.copyOf(item, item.length * 2);
        }
        item[itemLength++] = (byte) c;
    }

    private JsonItem tooLarge(long start) {
        return error(start, line, "the item is larger than the limit of " + maxItemChars + " characters");
    }

    private JsonItem error(long start, long end, String message) {
        return new JsonItem(index++, start, end, null, message);
    }

    /**
     * Skips spaces, tabs, line ends and byte-order marks (EF BB BF) and puts the first other byte back, returning it
     * (or -1 at the end of the input): the item's scan, or the array's parser, reads it again.
     */
    private int skipWhitespace() throws IOException {
        while (true) {
            int c = read();
            if (c == ' ' || c == '\t' || c == '\r') {
                continue;
            }
            if (c == '\n') {
                line++;
                continue;
            }
            if (c < 0) {
                return c;
            }
            pos--; // just read, so still in the buffer
            if (c == 0xEF && ensure(3) && (buf[pos + 1] & 0xff) == 0xBB && (buf[pos + 2] & 0xff) == 0xBF) {
                pos += 3;
                continue;
            }
            return c;
        }
    }

    private int read() throws IOException {
        if (pos < limit) {
            return buf[pos++] & 0xff;
        }
        if (!fill()) {
            return -1;
        }
        return buf[pos++] & 0xff;
    }

    /** Refills the buffer once it is read to its end; false at the end of the input. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n = input.read(buf, 0, buf.length);
        while (n == 0) {
            n = input.read(buf, 0, buf.length);
        }
        if (n < 0) {
            eof = true;
            pos = limit = 0;
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    /** Makes at least {@code n} bytes after the current position readable (moving them to the buffer's start); false when the input has fewer. */
    private boolean ensure(int n) throws IOException {
        while (limit - pos < n) {
            if (eof) {
                return false;
            }
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
            int got = input.read(buf, limit, buf.length - limit);
            if (got < 0) {
                eof = true;
                return false;
            }
            limit += got;
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        if (arrayParser != null) {
            arrayParser.close();
        }
        input.close();
    }
}
