package dev.engram.adapters.mongo;

import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import dev.engram.application.port.out.MemoryStore;
import dev.engram.application.port.out.StoredMemory;
import dev.engram.domain.json.JsonObject;
import java.util.Objects;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Agent memory aggregates, one document per (namespace, agent): {@code _id} "namespace/agent", {@code ns},
 * {@code agent}, {@code version}, {@code sv} and {@code state} (the JSON state as BSON, keys escaped by
 * {@link BsonJson}).
 *
 * <p>Optimistic concurrency: the first save inserts (a duplicate {@code _id} means another writer got there first);
 * every later save is {@code updateOne({_id, version: expected}, {$set: {version: expected + 1, state}})} and
 * succeeded only if it matched. That is a single-document compare-and-set on real MongoDB and on the stand-in
 * alike. (findOneAndUpdate would do the same on MongoDB, but the stand-in's findAndModify is not atomic under
 * concurrent writers — two could both "win" — while its updateOne is serialised; the update-and-count form is the
 * one path both support.) The loser's save emits nothing and the caller reloads and reapplies.
 */
final class MongoMemoryStore implements MemoryStore, AutoCloseable {
    private final MongoBackend backend;

    MongoMemoryStore(MongoBackend backend) {
        this.backend = Objects.requireNonNull(backend, "backend");
    }

    private static BsonString id(String namespace, String agentId) {
        return new BsonString(namespace + "/" + agentId);
    }

    @Override
    public Mono<StoredMemory> load(String namespace, String agentId) {
        return backend.guard(Mono.from(backend.memory().find(new BsonDocument("_id", id(namespace, agentId))).first()), "loading agent memory")
                .map(MongoMemoryStore::read);
    }

    @Override
    public Mono<Long> save(String namespace, String agentId, long expectedVersion, JsonObject state) {
        if (expectedVersion < 0) {
            return Mono.error(new IllegalArgumentException("expectedVersion must be 0 or more, got " + expectedVersion));
        }
        long next = expectedVersion + 1;
        return Mono.defer(() -> {
            BsonDocument encoded = BsonJson.toBson(state);
            if (expectedVersion == 0) {
                BsonDocument doc = new BsonDocument("_id", id(namespace, agentId)).append("ns", new BsonString(namespace))
                        .append("agent", new BsonString(agentId)).append("version", new BsonInt64(next))
                        .append("sv", new BsonInt32(MongoBackend.SCHEMA_VERSION)).append("state", encoded);
                return backend.guard(Mono.from(backend.memory().insertOne(doc)), "saving agent memory")
                        .thenReturn(next)
                        .onErrorResume(e -> e instanceof MongoWriteException w && w.getError().getCode() == 11000, e -> Mono.empty());
            }
            BsonDocument filter = new BsonDocument("_id", id(namespace, agentId)).append("version", new BsonInt64(expectedVersion));
            BsonDocument update = new BsonDocument("$set", new BsonDocument("version", new BsonInt64(next))
                    .append("sv", new BsonInt32(MongoBackend.SCHEMA_VERSION)).append("state", encoded));
            return backend.guard(Mono.from(backend.memory().updateOne(filter, update)), "saving agent memory")
                    .flatMap(result -> result.getMatchedCount() == 1 ? Mono.just(next) : Mono.empty());
        });
    }

    @Override
    public Mono<Boolean> delete(String namespace, String agentId) {
        return backend.guard(Mono.from(backend.memory().deleteOne(new BsonDocument("_id", id(namespace, agentId)))), "deleting agent memory")
                .map(result -> result.getDeletedCount() > 0);
    }

    @Override
    public Flux<StoredMemory> streamAll(String namespace) {
        return backend.guard(Flux.from(backend.memory().find(Filters.eq("ns", namespace)).sort(new BsonDocument("agent", new BsonInt32(1)))),
                "reading agent memory").map(MongoMemoryStore::read);
    }

    private static StoredMemory read(BsonDocument doc) {
        BsonValue state = doc.get("state");
        if (state == null || !state.isDocument()) {
            throw new IllegalStateException("mongodb holds the memory of " + doc.get("_id") + " without a state object");
        }
        return new StoredMemory(doc.getString("ns").getValue(), doc.getString("agent").getValue(), doc.getNumber("version").longValue(),
                BsonJson.toJson(state.asDocument()));
    }

    @Override
    public void close() {
        backend.close();
    }
}
