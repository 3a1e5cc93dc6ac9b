package dev.engram.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.domain.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonItemReaderTest {
    private static List<JsonItem> readAll(String text) {
        return readAll(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 1_000_000);
    }

    private static List<JsonItem> readAll(InputStream in, long max) {
        List<JsonItem> items = new ArrayList<>();
        try (JsonItemReader reader = new JsonItemReader(in, max)) {
            for (JsonItem item = reader.next(); item != null; item = reader.next()) {
                items.add(item);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return items;
    }

    @Test
    void readsASingleObject_evenPrettyPrinted() {
        List<JsonItem> items = readAll("\n\n{\n  \"a\": 1,\n  \"b\": [1, 2]\n}\n");
        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.ok()).isTrue();
            assertThat(item.line()).isEqualTo(3);
            assertThat(item.endLine()).isEqualTo(6);
            assertThat(((JsonObject) item.value()).members()).containsKeys("a", "b");
        });
    }

    @Test
    void readsAnArrayItemByItem_withLines() {
        List<JsonItem> items = readAll("\n[\n {\"a\": 1},\n {\"a\": 2}\n]\n");
        assertThat(items).extracting(JsonItem::index).containsExactly(0, 1);
        assertThat(items).extracting(JsonItem::line).containsExactly(3L, 4L);
    }

    @Test
    void readsJsonLines_andReportsEachBadLineThenGoesOn() {
        String text = String.join("\n",
                "{\"a\": 1}",
                "{\"a\": 2,,}",
                "",
                "{\"a\": \"unterminated}",
                "not json at all",
                "{\"a\": 3} {\"a\": 4}",
                "\"a string\"",
                "{\"a\": 5, \"a\": 6}",
                "{\"a\": 7}");
        List<JsonItem> items = readAll(text);

        assertThat(items).extracting(JsonItem::ok).containsExactly(true, false, false, false, true, true, true, false, true);
        assertThat(items).extracting(JsonItem::line).containsExactly(1L, 2L, 4L, 5L, 6L, 6L, 7L, 8L, 9L);
        assertThat(items.get(2).error()).isEqualTo("a string is not closed before the end of the line");
        assertThat(items.get(3).error()).contains("Unrecognized token 'not'");
        assertThat(items.get(7).error()).contains("Duplicate Object property \"a\"");
        assertThat(items.get(8).value()).isEqualTo(dev.engram.domain.json.JsonObject.builder().put("a", 7L).build());
    }

    @Test
    void anUnclosedValueIsReportedWithTheLinesItSwallowed() {
        List<JsonItem> items = readAll("{\"a\": 1}\n{\"a\": [1,\n2\n");
        assertThat(items).hasSize(2);
        assertThat(items.get(1).ok()).isFalse();
        assertThat(items.get(1).where()).isEqualTo("lines 2-4");
        assertThat(items.get(1).error()).isEqualTo("the input ends inside a JSON value that starts here");
    }

    @Test
    void aBrokenArrayEndsTheInputWithOneError() {
        List<JsonItem> items = readAll("[{\"a\": 1},\n {\"a\": }]");
        assertThat(items).extracting(JsonItem::ok).containsExactly(true, false);
        assertThat(items.get(1).line()).isEqualTo(2);
    }

    @Test
    void emptyInputHasNoItems_andBinaryJunkIsAnError() {
        assertThat(readAll("")).isEmpty();
        assertThat(readAll(" \n\t\n")).isEmpty();
        List<JsonItem> junk = readAll(new ByteArrayInputStream(new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, 0x41}), 1000);
        assertThat(junk).singleElement().satisfies(item -> assertThat(item.error()).isEqualTo("the input is not UTF-8 text"));
    }

    @Test
    void aHugeItemIsRefusedWithoutHoldingIt_andReadingGoesOn() {
        String big = "{\"a\": \"" + "x".repeat(5_000) + "\"}";
        List<JsonItem> items = readAll(new ByteArrayInputStream((big + "\n{\"a\": 1}\n").getBytes(StandardCharsets.UTF_8)), 1_000);
        assertThat(items).extracting(JsonItem::ok).containsExactly(false, true);
        assertThat(items.get(0).error()).isEqualTo("the item is larger than the limit of 1000 characters");
    }

    @Test
    void indexesCountEveryItem_goodOrMalformed() {
        List<JsonItem> items = readAll("{\"a\": 1}\n{\"a\": 1, \"a\": 2}\nnot json\n{\"a\": 3}\n");
        assertThat(items).extracting(JsonItem::index).containsExactly(0, 1, 2, 3);
        assertThat(items).extracting(JsonItem::ok).containsExactly(true, false, false, true);
    }

    private static List<JsonItem> readBytes(byte[]... parts) {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return readAll(new ByteArrayInputStream(all.toByteArray()), 1_000_000);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void multiByteTextRoundTrips_andByteOrderMarksAreWhitespace() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        List<JsonItem> items = readBytes(bom, utf8("{\"a\": \"é ü 日本 😀\"}\n"), bom, utf8("{\"a\": \"\\u00e9\"}"));
        assertThat(items).extracting(JsonItem::ok).containsExactly(true, true);
        assertThat(items.get(0).value()).isEqualTo(JsonObject.builder().put("a", "é ü 日本 😀").build());
        assertThat(items.get(1).value()).isEqualTo(JsonObject.builder().put("a", "é").build());
        assertThat(items.get(1).line()).isEqualTo(2);
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedWhereverTheyAre() {
        byte[][] bad = {
                {(byte) 0xC0, (byte) 0x80}, // an overlong NUL
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // a surrogate
                {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // past U+10FFFF
                {(byte) 0x80}, // a stray continuation byte
                {(byte) 0xE6, (byte) 0x97}, // cut short (the quote that follows is no continuation)
        };
        for (byte[] b : bad) {
            List<JsonItem> items = readBytes(utf8("{\"a\": 1}\n{\"a\": \""), b, utf8("\"}\n{\"a\": 2}\n"));
            assertThat(items).extracting(JsonItem::ok).containsExactly(true, false);
            assertThat(items.get(1).error()).isEqualTo("the input is not UTF-8 text");
            assertThat(items.get(1).line()).isEqualTo(2);
        }
        assertThat(readBytes(utf8("{\"a\": 1}\n\"x"), new byte[] {(byte) 0xE6, (byte) 0x97})).extracting(JsonItem::ok)
                .containsExactly(true, false); // the input ends inside a character
    }

    @Test
    void itemsAcrossBufferBoundariesReadWhole_andTheLimitCountsCharactersNotBytes() {
        StringBuilder text = new StringBuilder();
        int n = 2_000;
        for (int i = 0; i < n; i++) {
            text.append("{\"i\": ").append(i).append(", \"t\": \"").append("日本語テキスト ".repeat(i % 13)).append("\"}\n");
        }
        List<JsonItem> items = readAll(new java.io.InputStream() {
            private final byte[] bytes = utf8(text.toString());
            private int at;

            @Override
            public int read() {
                return at < bytes.length ? bytes[at++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                // short reads of odd sizes, as a socket gives them
                if (at == bytes.length) {
                    return -1;
                }
                int k = Math.min(Math.min(len, 997), bytes.length - at);
                System.arraycopy(bytes, at, b, off, k);
                at += k;
                return k;
            }
        }, 1_000_000);
        assertThat(items).hasSize(n).allMatch(JsonItem::ok);
        assertThat(items.get(n - 1).line()).isEqualTo(n);
        assertThat(((JsonObject) items.get(12).value()).get("t")).isEqualTo(new dev.engram.domain.json.JsonString("日本語テキスト ".repeat(12)));

        String cjk = "{\"t\": \"" + "日".repeat(90) + "\"}"; // 98 characters, 278 bytes
        assertThat(readAll(new ByteArrayInputStream(utf8(cjk)), 100)).singleElement().satisfies(item -> assertThat(item.ok()).isTrue());
        assertThat(readAll(new ByteArrayInputStream(utf8(cjk)), 97)).singleElement()
                .satisfies(item -> assertThat(item.error()).isEqualTo("the item is larger than the limit of 97 characters"));
    }
}
