package dev.engram.application.config;

import dev.engram.domain.error.DomainException;
import dev.engram.domain.json.JsonArray;
import dev.engram.domain.json.JsonBoolean;
import dev.engram.domain.json.JsonNull;
import dev.engram.domain.json.JsonNumber;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.JsonString;
import dev.engram.domain.json.JsonValue;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One section of engram's configuration tree, with typed reads that name the full key in every error
 * ({@code sqlite.busy_timeout: must be a duration like 5s or 2m, got 'soon'}). Values may be written as strings
 * (environment variables and flags are strings): {@code "5"} reads as a number, {@code "true"} as a boolean.
 */
public final class ConfigSection {
    private final String path;
    private final JsonObject values;

    public ConfigSection(String path, JsonObject values) {
        this.path = Objects.requireNonNull(path, "path");
        this.values = Objects.requireNonNull(values, "values");
    }

    public static ConfigSection root(JsonObject values) {
        return new ConfigSection("", values);
    }

    /** The full key of a field of this section, as users write it. */
    public String key(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    public JsonObject values() {
        return values;
    }

    public boolean has(String name) {
        JsonValue value = values.get(name);
        return value != null && value != JsonNull.NULL;
    }

    /** A sub-section; empty when absent. */
    public ConfigSection section(String name) {
        JsonValue value = values.get(name);
        if (value == null || value == JsonNull.NULL) {
            return new ConfigSection(key(name), JsonObject.EMPTY);
        }
        if (!(value instanceof JsonObject object)) {
            throw bad(name, "must be a section (a map of keys), got " + value.typeName());
        }
        return new ConfigSection(key(name), object);
    }

    public String string(String name, String fallback) {
        JsonValue value = values.get(name);
        if (value == null || value == JsonNull.NULL) {
            return fallback;
        }
        if (value instanceof JsonString text) {
            return text.value();
        }
        if (value instanceof JsonNumber || value instanceof JsonBoolean) {
            return scalarText(value);
        }
        throw bad(name, "must be a text value, got " + value.typeName());
    }

    public boolean bool(String name, boolean fallback) {
        JsonValue value = values.get(name);
        if (value == null || value == JsonNull.NULL) {
            return fallback;
        }
        if (value instanceof JsonBoolean bool) {
            return bool.value();
        }
        if (value instanceof JsonString text && (text.value().equalsIgnoreCase("true") || text.value().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(text.value());
        }
        throw bad(name, "must be true or false, got " + shown(value));
    }

    public long integer(String name, long fallback, long min, long max) {
        BigDecimal number = number(name);
        if (number == null) {
            return fallback;
        }
        if (number.stripTrailingZeros().scale() > 0 || number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw bad(name, "must be a whole number from " + min + " to " + max + ", got " + number.toPlainString());
        }
        return number.longValueExact();
    }

    public double decimal(String name, double fallback, double min, double max) {
        BigDecimal number = number(name);
        if (number == null) {
            return fallback;
        }
        double value = number.doubleValue();
        if (!(value >= min && value <= max)) {
            throw bad(name, "must be a number from " + min + " to " + max + ", got " + number.toPlainString());
        }
        return value;
    }

    private BigDecimal number(String name) {
        JsonValue value = values.get(name);
        if (value == null || value == JsonNull.NULL) {
            return null;
        }
        if (value instanceof JsonNumber number) {
            return number.value();
        }
        if (value instanceof JsonString text) {
            try {
                return new BigDecimal(text.value().trim());
            } catch (NumberFormatException e) {
                throw bad(name, "must be a number, got " + shown(value));
            }
        }
        throw bad(name, "must be a number, got " + value.typeName());
    }

    /** A duration written {@code 500ms}, {@code 30s}, {@code 5m}, {@code 12h}, {@code 30d}, {@code 2w}. */
    public Duration duration(String name, Duration fallback) {
        String text = string(name, null);
        if (text == null) {
            return fallback;
        }
        return Durations.parse(text).orElseThrow(() -> bad(name, "must be a duration like 30s, 5m, 12h or 7d, got '" + text + "'"));
    }

    public Path path(String name, Path fallback) {
        String text = string(name, null);
        return text == null || text.isBlank() ? fallback : Path.of(text);
    }

    public List<String> strings(String name, List<String> fallback) {
        JsonValue value = values.get(name);
        if (value == null || value == JsonNull.NULL) {
            return fallback;
        }
        if (value instanceof JsonString text) {
            // environment variables give lists as comma-separated text
            List<String> out = new ArrayList<>();
            for (String part : text.value().split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
            return out;
        }
        if (!(value instanceof JsonArray array)) {
            throw bad(name, "must be a list, got " + value.typeName());
        }
        List<String> out = new ArrayList<>();
        for (JsonValue element : array.elements()) {
            if (!(element instanceof JsonString text)) {
                throw bad(name, "must be a list of text values, got an element of type " + element.typeName());
            }
            out.add(text.value());
        }
        return out;
    }

    /** Refuses keys that nothing reads: a typo ({@code buzy_timeout}) must not be ignored silently. */
    public void refuseUnknown(Set<String> known) {
        Set<String> unknown = new TreeSet<>(values.members().keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            String first = unknown.iterator().next();
            throw bad(first, "is not a setting" + (path.isEmpty() ? "" : " of " + path) + "; known settings: " + String.join(", ", new TreeSet<>(known)));
        }
    }

    public DomainException bad(String name, String message) {
        return DomainException.invalidArgument(key(name), message);
    }

    private static String shown(JsonValue value) {
        return value instanceof JsonString text ? "'" + text.value() + "'" : scalarText(value);
    }

    private static String scalarText(JsonValue value) {
        if (value instanceof JsonNumber number) {
            return number.value().toPlainString();
        }
        if (value instanceof JsonBoolean bool) {
            return String.valueOf(bool.value());
        }
        return value.typeName();
    }
}
