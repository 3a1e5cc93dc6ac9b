package dev.engram.adapters.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.domain.json.JsonArray;
import dev.engram.domain.json.JsonNumber;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonType;
import org.junit.jupiter.api.Test;

/** The key escaping and the number forms of the BSON mapping, exactly reversible. */
class BsonJsonTest {

    private static final List<String> KEYS = List.of("", "~", "~~", "~e", "~n", "~d", "$", "$set", "$where", ".", "..", "a.b.c",
            "$gt.$lt", "\0", "a\0b", "plain", "ünïcødé 🧠", "~~~$$$...", "e", "~0", "x~", " ", "$~.");

    @Test
    void everyKeyEscapesToASafeFieldNameAndBack() {
        for (String key : KEYS) {
            String stored = BsonJson.escape(key);
            assertThat(stored).as("escaped %s", key).isNotEmpty().doesNotStartWith("$").doesNotContain(".").doesNotContain("\0")
                    .isNotEqualTo(BsonJson.NUMBER_TEXT);
            assertThat(BsonJson.unescape(stored)).as("round trip of %s", key).isEqualTo(key);
        }
        assertThat(BsonJson.escape("plain")).isEqualTo("plain");
        assertThat(KEYS.stream().map(BsonJson::escape).distinct().count()).isEqualTo(KEYS.size());
    }

    @Test
    void escapesThatNoKeyProducesAreCorruptData() {
        assertThatThrownBy(() -> BsonJson.unescape("a~x")).isInstanceOf(IllegalStateException.class).hasMessageContaining("~x");
        assertThatThrownBy(() -> BsonJson.unescape("a~")).isInstanceOf(IllegalStateException.class).hasMessageContaining("dangling");
    }

    @Test
    void numbersKeepTheirExactValueAndScale() {
        String[] texts = {"0", "-0.0", "1.50", "1.0", "1E+3", "-7", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
            "12345678901234567", "123456789012345678901234567890", "123456789012345678901234567890.000000000000000001",
            "0.1000000000000000055511151231257827", "1E+6144", "1E-7000", "4.9E-324", "1.7976931348623157E+308"};
        for (String text : texts) {
            JsonNumber number = new JsonNumber(new BigDecimal(text));
            assertThat(BsonJson.toJson(BsonJson.toBson(number))).as(text).isEqualTo(number);
        }
        assertThat(BsonJson.number(new BigDecimal("7")).getBsonType()).isEqualTo(BsonType.INT32);
        assertThat(BsonJson.number(new BigDecimal("9223372036854775807")).getBsonType()).isEqualTo(BsonType.INT64);
        assertThat(BsonJson.number(new BigDecimal("1.50")).getBsonType()).isEqualTo(BsonType.DECIMAL128);
        assertThat(BsonJson.number(new BigDecimal("123456789012345678901234567890.000000000000000001")).getBsonType()).isEqualTo(BsonType.DOCUMENT);
    }

    @Test
    void aUserObjectThatLooksLikeTheNumberFormStaysAnObject() {
        JsonObject lookalike = JsonObject.builder().put("~n", "12").build();
        BsonDocument stored = BsonJson.toBson(lookalike);
        assertThat(stored.keySet()).containsExactly("~~n");
        assertThat(BsonJson.toJson(stored)).isEqualTo(lookalike);
        JsonValue nested = new JsonArray(List.of(lookalike, JsonObject.builder().put("", JsonObject.EMPTY).build()));
        assertThat(BsonJson.toJson(BsonJson.toBson(nested))).isEqualTo(nested);
    }
}
