package dev.engram.adapters.mongo;

import dev.engram.domain.json.JsonArray;
import dev.engram.domain.json.JsonBoolean;
import dev.engram.domain.json.JsonNull;
import dev.engram.domain.json.JsonNumber;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.JsonString;
import dev.engram.domain.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.types.Decimal128;

/**
 * engram's JSON trees as BSON and back, exactly: key order, every key, every number as it was sent.
 *
 * <p>Keys: MongoDB refuses or misreads field names that start with {@code $}, contain {@code .} or NUL, and the
 * empty name is awkward everywhere. Every key is escaped reversibly with {@code ~} as the escape character:
 * {@code ~ -> ~~}, {@code $ -> ~d}, {@code . -> ~p}, NUL {@code -> ~0}, and the empty key is {@code ~e}. An
 * escaped key never starts with {@code $} and never holds a dot, so no stored key can be read as an operator or a
 * path; keys without those characters are stored as they are.
 *
 * <p>Numbers: a whole number (scale 0) is an Int32 or an Int64 when it fits one; any other number that Decimal128 holds exactly
 * (34 digits, scale kept: {@code 1.50} stays {@code 1.50}) is a Decimal128; the rest (more digits, huge exponents)
 * are the document {@code {"~n": "<the number's text>"}}. No escaped key is ever {@code ~n} (after {@code ~} an
 * escaped key has only {@code ~ d p 0}, or is {@code ~e} whole), so that document can only be a number written
 * here. (A binary value of a user-defined subtype would have done too, but the stand-in loses the subtype.)
 */
final class BsonJson {
    static final String NUMBER_TEXT = "~n";

    private BsonJson() {
    }

    static BsonValue toBson(JsonValue value) {
        if (value instanceof JsonObject object) {
            return toBson(object);
        }
        if (value instanceof JsonArray array) {
            List<BsonValue> out = new ArrayList<>(array.size());
            for (JsonValue element : array.elements()) {
                out.add(toBson(element));
            }
            return new BsonArray(out);
        }
        if (value instanceof JsonString text) {
            return new BsonString(text.value());
        }
        if (value instanceof JsonNumber number) {
            return number(number.value());
        }
        if (value instanceof JsonBoolean bool) {
            return BsonBoolean.valueOf(bool.value());
        }
        return BsonNull.VALUE;
    }

    static BsonDocument toBson(JsonObject object) {
        BsonDocument out = new BsonDocument();
        object.members().forEach((key, member) -> out.append(escape(key), toBson(member)));
        return out;
    }

    static BsonValue number(BigDecimal value) {
        if (value.scale() == 0 && value.unscaledValue().bitLength() < 32) {
            return new BsonInt32(value.intValueExact()); // the smallest form: a 1 MiB array of digits stays well under 16 MiB
        }
        if (value.scale() == 0 && value.unscaledValue().bitLength() < 64) {
            return new BsonInt64(value.longValueExact());
        }
        if (value.precision() <= 34) {
            try {
                Decimal128 decimal = new Decimal128(value);
                if (decimal.bigDecimalValue().equals(value)) { // exact, scale included (no clamping)
                    return new BsonDecimal128(decimal);
                }
            } catch (NumberFormatException | ArithmeticException e) {
                // out of Decimal128's range: kept as text below
            }
        }
        return new BsonDocument(NUMBER_TEXT, new BsonString(value.toString()));
    }

    static JsonValue toJson(BsonValue value) {
        switch (value.getBsonType()) {
            case DOCUMENT: {
                BsonDocument document = value.asDocument();
                if (document.size() == 1 && document.containsKey(NUMBER_TEXT)) {
                    return new JsonNumber(new BigDecimal(document.getString(NUMBER_TEXT).getValue()));
                }
                return toJson(document);
            }
            case ARRAY: {
                BsonArray array = value.asArray();
                List<JsonValue> out = new ArrayList<>(array.size());
                for (BsonValue element : array) {
                    out.add(toJson(element));
                }
                return new JsonArray(out);
            }
            case STRING:
                return new JsonString(value.asString().getValue());
            case INT64:
                return JsonNumber.of(value.asInt64().getValue());
            case INT32:
                return JsonNumber.of(value.asInt32().getValue());
            case DECIMAL128:
                return new JsonNumber(value.asDecimal128().getValue().bigDecimalValue());
            case BOOLEAN:
                return JsonBoolean.of(value.asBoolean().getValue());
            case NULL:
                return JsonNull.NULL;
            default:
                throw new IllegalStateException("mongodb holds a " + value.getBsonType() + " where JSON was stored");
        }
    }

    static JsonObject toJson(BsonDocument document) {
        Map<String, JsonValue> members = new LinkedHashMap<>(document.size() * 2);
        for (Map.Entry<String, BsonValue> entry : document.entrySet()) {
            members.put(unescape(entry.getKey()), toJson(entry.getValue()));
        }
        return new JsonObject(members);
    }

    static String escape(String key) {
        if (key.isEmpty()) {
            return "~e";
        }
        int i = 0;
        while (i < key.length()) {
            char c = key.charAt(i);
            if (c == '~' || c == '$' || c == '.' || c == 0) {
                break;
            }
            i++;
        }
        if (i == key.length()) {
            return key;
        }
        StringBuilder out = new StringBuilder(key.length() + 8).append(key, 0, i);
        for (; i < key.length(); i++) {
            char c = key.charAt(i);
            switch (c) {
                case '~' -> out.append("~~");
                case '$' -> out.append("~d");
                case '.' -> out.append("~p");
                case 0 -> out.append("~0");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String unescape(String stored) {
        if (stored.indexOf('~') < 0) {
            return stored;
        }
        if (stored.equals("~e")) {
            return "";
        }
        StringBuilder out = new StringBuilder(stored.length());
        for (int i = 0; i < stored.length(); i++) {
            char c = stored.charAt(i);
            if (c != '~') {
                out.append(c);
                continue;
            }
            if (i + 1 >= stored.length()) {
                throw new IllegalStateException("mongodb holds a field name with a dangling escape: " + stored);
            }
            char next = stored.charAt(++i);
            switch (next) {
                case '~' -> out.append('~');
                case 'd' -> out.append('$');
                case 'p' -> out.append('.');
                case '0' -> out.append('\0');
                default -> throw new IllegalStateException("mongodb holds a field name with an unknown escape ~" + next + ": " + stored);
            }
        }
        return out.toString();
    }
}
