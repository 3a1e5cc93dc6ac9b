package dev.engram.runtime;

import dev.engram.application.config.ConfigSection;
import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.JsonString;
import dev.engram.domain.json.JsonValue;
import dev.engram.json.JsonCodec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.dataformat.yaml.YAMLFactory;

/**
 * Builds engram's one configuration tree from, in order of increasing precedence: a file (YAML or JSON), the
 * {@code ENGRAM_*} environment variables, and command-line flags. An environment variable names a key in lower
 * case, with {@code __} between levels: {@code ENGRAM_STORAGE=sqlite}, {@code ENGRAM_SQLITE__BUSY_TIMEOUT=5s}.
 * Variables starting {@code ENGRAM_TEST_} belong to the test suites, and {@code ENGRAM_DEBUG} (full stack traces) to
 * the front ends: they are not configuration.
 */
public final class ConfigLoader {
    public static final String ENV_PREFIX = "ENGRAM_";
    private static final List<String> NOT_CONFIG = List.of("ENGRAM_TEST_", "ENGRAM_DEBUG");

    private ConfigLoader() {
    }

    /**
     * @param file  a configuration file, or null for none
     * @param env   the environment (usually {@link System#getenv()})
     * @param flags keys (dotted paths such as {@code data_dir}) set by flags
     */
    public static ConfigSection load(Path file, Map<String, String> env, Map<String, String> flags) {
        JsonObject tree = file == null ? JsonObject.EMPTY : readFile(file);
        tree = merge(tree, fromEnvironment(env));
        tree = merge(tree, fromPaths(flags));
        return ConfigSection.root(tree);
    }

    static JsonObject readFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw DomainException.invalidArgument("config", "the configuration file " + file + " does not exist");
        }
        try (InputStream in = Files.newInputStream(file);
             JsonParser parser = new YAMLFactory().createParser(ObjectReadContext.empty(), in)) {
            // YAML is a superset of JSON: one parser reads both
            if (parser.nextToken() == null) {
                return JsonObject.EMPTY;
            }
            JsonValue value = JsonCodec.instance().readValue(parser);
            if (!(value instanceof JsonObject object)) {
                throw new DomainException(ErrorCode.INVALID_ARGUMENT, "the configuration file " + file + " must hold a map of settings, got " + value.typeName());
            }
            return object;
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new DomainException(ErrorCode.INVALID_ARGUMENT, "the configuration file " + file + " is not valid YAML or JSON" + where
                    + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new DomainException(ErrorCode.INVALID_ARGUMENT, "cannot read the configuration file " + file + ": " + e.getMessage());
        }
    }

    static JsonObject fromEnvironment(Map<String, String> env) {
        Map<String, String> paths = new TreeMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX) && NOT_CONFIG.stream().noneMatch(name::startsWith) && name.length() > ENV_PREFIX.length()) {
                paths.put(name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace("__", "."), value);
            }
        });
        return fromPaths(paths);
    }

    static JsonObject fromPaths(Map<String, String> paths) {
        JsonObject tree = JsonObject.EMPTY;
        for (Map.Entry<String, String> entry : paths.entrySet()) {
            String[] keys = entry.getKey().split("\\.");
            JsonValue value = new JsonString(entry.getValue());
            for (int i = keys.length - 1; i >= 0; i--) {
                value = JsonObject.builder().put(keys[i], value).build();
            }
            tree = merge(tree, (JsonObject) value);
        }
        return tree;
    }

    /** The overlay wins; sections merge key by key. */
    static JsonObject merge(JsonObject base, JsonObject overlay) {
        Map<String, JsonValue> out = new LinkedHashMap<>(base.members());
        overlay.members().forEach((key, value) -> {
            JsonValue existing = out.get(key);
            if (existing instanceof JsonObject a && value instanceof JsonObject b) {
                out.put(key, merge(a, b));
            } else {
                out.put(key, value);
            }
        });
        return new JsonObject(out);
    }
}
