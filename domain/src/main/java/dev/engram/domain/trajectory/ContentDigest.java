package dev.engram.domain.trajectory;

import dev.engram.domain.json.JsonArray;
import dev.engram.domain.json.JsonBoolean;
import dev.engram.domain.json.JsonNull;
import dev.engram.domain.json.JsonNumber;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.JsonString;
import dev.engram.domain.json.JsonValue;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * SHA-256 of a JSON tree's meaning rather than its text: object keys in sorted order, numbers by value
 * ({@code 1.0} and {@code 1} are the same number), every value tagged with its type and length-prefixed so that no
 * two different trees encode alike.
 */
final class ContentDigest {
    private ContentDigest() {
    }

    static String of(JsonValue value) {
        MessageDigest digest = sha256();
        feed(digest, value);
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void feed(MessageDigest digest, JsonValue value) {
        if (value instanceof JsonObject object) {
            List<Map.Entry<String, JsonValue>> members = new ArrayList<>(object.members().entrySet());
            members.sort(Map.Entry.comparingByKey());
            digest.update((byte) 'o');
            length(digest, members.size());
            for (Map.Entry<String, JsonValue> member : members) {
                text(digest, member.getKey());
                feed(digest, member.getValue());
            }
        } else if (value instanceof JsonArray array) {
            digest.update((byte) 'a');
            length(digest, array.size());
            array.elements().forEach(element -> feed(digest, element));
        } else if (value instanceof JsonString string) {
            digest.update((byte) 's');
            text(digest, string.value());
        } else if (value instanceof JsonNumber number) {
            digest.update((byte) 'n');
            BigDecimal normalised = number.value().signum() == 0 ? BigDecimal.ZERO : number.value().stripTrailingZeros();
            text(digest, normalised.toString());
        } else if (value instanceof JsonBoolean bool) {
            digest.update((byte) (bool.value() ? 't' : 'f'));
        } else if (value == JsonNull.NULL) {
            digest.update((byte) 'z');
        }
    }

    private static void text(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        length(digest, bytes.length);
        digest.update(bytes);
    }

    private static void length(MessageDigest digest, int length) {
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(length).array());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
