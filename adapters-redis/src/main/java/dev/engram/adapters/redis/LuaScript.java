package dev.engram.adapters.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Flux;

/**
 * A Lua script shipped as a class path resource, run with {@code EVALSHA} by its SHA-1 (computed here, so no
 * round trip is needed to learn it). A server that does not know it yet (a fresh start, a restart, another cluster
 * node, {@code SCRIPT FLUSH}) answers {@code NOSCRIPT}; the script is then sent once with {@code EVAL}, which also
 * caches it on that server.
 */
final class LuaScript {
    private final String name;
    private final String source;
    private final String sha;

    private LuaScript(String name, String source) {
        this.name = name;
        this.source = source;
        this.sha = sha1(source);
    }


    /** The script in resource {@code name} relative to {@code anchor}'s package. */
    public static LuaScript load(Class<?> anchor, String name) {
        try (InputStream in = anchor.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the Lua script " + name + " is missing from the class path next to " + anchor.getName());
            }
            return new LuaScript(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Lua script " + name, e);
        }
    }

    /** The scripts in these resources next to this class, joined into one (shared definitions first). */
    public static LuaScript load(String... names) {
        StringBuilder source = new StringBuilder();
        for (String name : names) {
            source.append(load(LuaScript.class, name).source()).append('\n');
        }
        return new LuaScript(String.join("+", names), source.toString());
    }

    /** A script from its source (tests). */
    public static LuaScript of(String name, String source) {
        return new LuaScript(name, Objects.requireNonNull(source, "source"));
    }

    public String name() {
        return name;
    }

    public String sha() {
        return sha;
    }

    public String source() {
        return source;
    }

    /** Runs the script over {@code keys} (all in one hash slot) with {@code args}; the reply as {@code type} says. */
    public <T> Flux<T> run(RedisClusterReactiveCommands<String, byte[]> commands, ScriptOutputType type, List<String> keys, List<byte[]> args) {
        String[] k = keys.toArray(String[]::new);
        byte[][] a = args.toArray(byte[][]::new);
        return Flux.defer(() -> commands.<T>evalsha(sha, type, k, a))
                .onErrorResume(RedisNoScriptException.class, e -> commands.<T>eval(source, type, k, a));
    }

    /** Text arguments as UTF-8 bytes. */
    public static byte[] arg(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A number argument. */
    public static byte[] arg(long number) {
        return Long.toString(number).getBytes(StandardCharsets.US_ASCII);
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
