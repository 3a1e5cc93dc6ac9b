package dev.engram.adapters.redis;

import static dev.engram.adapters.redis.LuaScript.arg;

import dev.engram.application.port.out.MemoryStore;
import dev.engram.application.port.out.StoredMemory;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.JsonValue;
import dev.engram.json.JsonCodec;
import io.lettuce.core.ScriptOutputType;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Agent memory aggregates in one hash per namespace ({@code {prefix:ns}:mem}: agent → {@code version\nstate JSON}).
 * A save is a Lua compare-and-set on the version: the check and the write are one step on the server. (WATCH and
 * MULTI would not do: the connection is shared by every caller, and their transactions would interleave.)
 */
final class RedisMemoryStore implements MemoryStore, AutoCloseable {
    private static final LuaScript SAVE = LuaScript.load("memory-save.lua");

    private final RedisBackend backend;

    RedisMemoryStore(RedisBackend backend) {
        this.backend = Objects.requireNonNull(backend, "backend");
    }

    private String key(String namespace) {
        return backend.keys().namespace(namespace).key("mem");
    }

    @Override
    public Mono<StoredMemory> load(String namespace, String agentId) {
        return backend.guard(backend.commands().hget(key(namespace), agentId), "loading agent memory")
                .map(value -> parse(namespace, agentId, value));
    }

    @Override
    public Mono<Long> save(String namespace, String agentId, long expectedVersion, JsonObject state) {
        if (expectedVersion < 0) {
            return Mono.error(new IllegalArgumentException("expectedVersion must be 0 or more, got " + expectedVersion));
        }
        return Mono.fromCallable(() -> List.of(arg(agentId), arg(expectedVersion), arg(JsonCodec.instance().write(state))))
                .flatMap(args -> backend.guard(SAVE.<Long>run(backend.commands(), ScriptOutputType.INTEGER, List.of(key(namespace)), args).next(),
                        "saving agent memory"))
                .filter(version -> version > 0);
    }

    @Override
    public Mono<Boolean> delete(String namespace, String agentId) {
        return backend.guard(backend.commands().hdel(key(namespace), agentId), "deleting agent memory").map(n -> n > 0);
    }

    @Override
    public Flux<StoredMemory> streamAll(String namespace) {
        return backend.guard(backend.commands().hgetall(key(namespace)).collectList(), "reading agent memory")
                .flatMapMany(entries -> Flux.fromStream(entries.stream()
                        .sorted(Comparator.comparing(io.lettuce.core.KeyValue::getKey))
                        .map(kv -> parse(namespace, kv.getKey(), kv.getValue()))));
    }

    private static StoredMemory parse(String namespace, String agentId, byte[] stored) {
        String text = new String(stored, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        if (newline < 1) {
            throw new IllegalStateException("redis holds the memory of agent " + agentId + " in a form this version cannot read");
        }
        long version = Long.parseLong(text.substring(0, newline));
        JsonValue state = JsonCodec.instance().parse(text.substring(newline + 1));
        if (!(state instanceof JsonObject object)) {
            throw new IllegalStateException("redis holds the memory of agent " + agentId + " as " + state.typeName() + ", not an object");
        }
        return new StoredMemory(namespace, agentId, version, object);
    }

    @Override
    public void close() {
        backend.close();
    }
}
