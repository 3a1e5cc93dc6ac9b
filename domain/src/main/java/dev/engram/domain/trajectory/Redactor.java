package dev.engram.domain.trajectory;

import dev.engram.domain.json.JsonArray;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.JsonString;
import dev.engram.domain.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Replaces the values of secret-looking keys anywhere in a JSON tree with {@value #MARK}, before anything is
 * validated, stored or sent to an LLM.
 *
 * <p>A key matches a configured term when its trailing words, joined, equal the term, ignoring case and separators:
 * with the term {@code api_key}, the keys {@code api_key}, {@code apiKey}, {@code X-Api-Key} and {@code APIKEY}
 * match; with {@code token}, {@code access_token} and {@code refreshToken} match but {@code max_tokens} and
 * {@code token_count} do not — a count of tokens is not a secret, and over-redaction would destroy data users need.
 */
public final class Redactor {
    public static final String MARK = "[REDACTED]";

    /** The default terms of INTERFACES.md. */
    public static final List<String> DEFAULT_TERMS =
            List.of("password", "passwd", "secret", "token", "api_key", "apikey", "authorization");

    private static final Redactor NONE = new Redactor(List.of());
    private static final Redactor DEFAULT = new Redactor(DEFAULT_TERMS);

    private final Set<String> terms;

    private Redactor(List<String> terms) {
        TreeSet<String> normalised = new TreeSet<>();
        for (String term : terms) {
            String joined = String.join("", words(term));
            if (joined.isEmpty()) {
                throw new IllegalArgumentException("a redaction term must contain a letter or digit: '" + term + "'");
            }
            normalised.add(joined);
        }
        this.terms = Set.copyOf(normalised);
    }

    /** Redacts under the given terms; an empty list turns redaction off. */
    public static Redactor of(List<String> terms) {
        return new Redactor(List.copyOf(terms));
    }

    public static Redactor defaults() {
        return DEFAULT;
    }

    public static Redactor none() {
        return NONE;
    }

    public boolean enabled() {
        return !terms.isEmpty();
    }

    /** The tree with every secret-looking key's value replaced; the same instance when nothing matched. */
    public JsonValue redact(JsonValue value) {
        if (terms.isEmpty() || value == null) {
            return value;
        }
        return redactTree(value);
    }

    /** As {@link #redact(JsonValue)}, for an object. */
    public JsonObject redactObject(JsonObject value) {
        return (JsonObject) redact(value);
    }

    /** Whether the key names a secret. */
    public boolean isSecretKey(String key) {
        List<String> words = words(key);
        StringBuilder suffix = new StringBuilder();
        for (int i = words.size() - 1; i >= 0; i--) {
            suffix.insert(0, words.get(i));
            if (terms.contains(suffix.toString())) {
                return true;
            }
        }
        return false;
    }

    private JsonValue redactTree(JsonValue value) {
        if (value instanceof JsonObject object) {
            Map<String, JsonValue> out = null;
            for (Map.Entry<String, JsonValue> member : object.members().entrySet()) {
                JsonValue original = member.getValue();
                JsonValue replaced = isSecretKey(member.getKey()) ? new JsonString(MARK) : redactTree(original);
                if (replaced != original && !replaced.equals(original) && out == null) {
                    out = new LinkedHashMap<>(object.members());
                }
                if (out != null) {
                    out.put(member.getKey(), replaced);
                }
            }
            return out == null ? object : new JsonObject(out);
        }
        if (value instanceof JsonArray array) {
            List<JsonValue> out = null;
            for (int i = 0; i < array.size(); i++) {
                JsonValue original = array.get(i);
                JsonValue replaced = redactTree(original);
                if (replaced != original && out == null) {
                    out = new ArrayList<>(array.elements().subList(0, i));
                }
                if (out != null) {
                    out.add(replaced);
                }
            }
            return out == null ? array : new JsonArray(out);
        }
        return value;
    }

    /** Splits on non-alphanumerics and on lower-to-upper case changes, lower-cased: {@code X-ApiKey} → [x, api, key]. */
    static List<String> words(String key) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int previous = 0;
        for (int i = 0; i < key.length(); ) {
            int cp = key.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetterOrDigit(cp)) {
                flush(words, word);
            } else {
                if (Character.isUpperCase(cp) && (Character.isLowerCase(previous) || Character.isDigit(previous))) {
                    flush(words, word);
                }
                word.appendCodePoint(cp);
            }
            previous = cp;
        }
        flush(words, word);
        return words;
    }

    private static void flush(List<String> words, StringBuilder word) {
        if (word.length() > 0) {
            words.add(word.toString().toLowerCase(Locale.ROOT));
            word.setLength(0);
        }
    }
}
