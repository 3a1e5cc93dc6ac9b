package dev.engram.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import dev.engram.domain.json.JsonNumber;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.FilterWriter;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonCodecTest {
    private final JsonCodec codec = JsonCodec.instance();

    @Test
    void roundTripsArbitraryJsonExactly() {
        String text = "{\"$set\":{\"a.b\":12345678901234567,\"\":[1.50,-0.0,1E-7,1e400,true,false,null]},"
                + "\"emoji\":\"🧠 ü \\u0001 \\\"q\\\"\",\"big\":123456789012345678901234567890,\"neg\":-3}";
        JsonValue value = codec.parse(text);

        JsonObject set = (JsonObject) ((JsonObject) value).get("$set");
        assertThat(set.get("a.b")).isEqualTo(new JsonNumber(new BigDecimal("12345678901234567")));
        assertThat(codec.parse(codec.write(value))).isEqualTo(value);
        assertThat(codec.write(value)).contains("12345678901234567", "1.50", "123456789012345678901234567890", "\"a.b\"", "\"$set\"");
        assertThat(codec.parse(codec.writePretty(value))).isEqualTo(value);
    }

    @Test
    void keepsMemberOrder() {
        assertThat(((JsonObject) codec.parse("{\"z\":1,\"a\":2,\"m\":3}")).members().keySet()).containsExactly("z", "a", "m");
    }

    @Test
    void refusesDuplicateKeys_withTheLine() {
        assertThatThrownBy(() -> codec.parse("{\"a\": 1,\n \"a\": 2}"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_JSON);
                    assertThat(e.getMessage()).startsWith("line 2, column").contains("Duplicate Object property \"a\"");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{", "{\"a\":}", "[1,]", "{\"a\":1} x", "NaN", "{\"a\": NaN}", "'single'", "\u0000\u0001\u0002"})
    void malformedInputGivesAClearError_neverACrash(String text) {
        assertThatThrownBy(() -> codec.parse(text))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_JSON);
                    assertThat(e.getMessage()).isNotBlank().doesNotContain("tools.jackson", "\n at [");
                });
    }

    @Test
    void refusesNestingBeyondTheParseLimitWithoutAStackOverflow() {
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        assertThatThrownBy(() -> codec.parse(deep)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.getMessage()).contains("nesting depth"));
    }

    @Test
    void writingLeavesTheTargetOpenForTheNextValue() {
        StringWriter text = new StringWriter();
        AtomicBoolean writerClosed = new AtomicBoolean();
        Writer lines = new FilterWriter(text) {
            @Override
            public void close() {
                writerClosed.set(true);
            }
        };
        AtomicBoolean streamClosed = new AtomicBoolean();
        OutputStream bytes = new FilterOutputStream(new ByteArrayOutputStream()) {
            @Override
            public void close() {
                streamClosed.set(true);
            }
        };
        for (int i = 0; i < 3; i++) {
            codec.write(JsonObject.builder().put("n", i).build(), lines, false);
            codec.write(JsonNumber.of(i), bytes, false);
        }
        assertThat(text.toString()).isEqualTo("{\"n\":0}{\"n\":1}{\"n\":2}");
        assertThat(writerClosed).as("the writer was closed").isFalse();
        assertThat(streamClosed).as("the stream was closed").isFalse();
    }

    @Test
    void nanAndInfinityAreNamedPlainly() {
        assertThatThrownBy(() -> codec.parse("{\"reward\": NaN}")).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_JSON);
            assertThat(e.getMessage()).isEqualTo("line 1, column 15: NaN is not a JSON number (JSON has no NaN or Infinity)");
        });
    }
}
