package dev.engram.adapters.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import dev.engram.testkit.Trajectories;
import java.time.Duration;
import java.util.List;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

/** The schema version: stored at start, carried by every document, and a newer one refused. */
class MongoSchemaTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    @RegisterExtension
    static final FreshBackends MONGO = new FreshBackends();

    @Test
    void startingTwiceIsIdempotent_andDocumentsCarryTheSchemaVersion() {
        MongoBackend first = MONGO.backend();
        new MongoTrajectoryStore(first).upsert("ns", List.of(Trajectories.plain("t1").build()), true).block(WAIT);
        new MongoMemoryStore(first).save("ns", "agent", 0, dev.engram.domain.json.JsonObject.EMPTY).block(WAIT);
        try (MongoBackend again = new MongoBackend(first.config())) {
            again.connect(); // the indexes exist already: creating them again is a no-op
            assertThat(new MongoTrajectoryStore(again).get("ns", "t1").block(WAIT)).isNotNull();
        }
        BsonDocument meta = Mono.from(first.meta().find(Filters.eq("_id", "schema")).first()).block(WAIT);
        assertThat(meta.getInt32("version").getValue()).isEqualTo(MongoBackend.SCHEMA_VERSION);
        for (BsonDocument doc : List.of(Mono.from(first.trajectories().find().first()).block(WAIT), Mono.from(first.changes().find().first()).block(WAIT),
                Mono.from(first.memory().find().first()).block(WAIT))) {
            assertThat(doc.getInt32("sv").getValue()).isEqualTo(MongoBackend.SCHEMA_VERSION);
        }
    }

    @Test
    void aDatabaseOfANewerEngramIsRefusedAsBackendUnavailable() {
        MongoBackend first = MONGO.backend();
        Mono.from(first.meta().updateOne(Filters.eq("_id", "schema"), Updates.set("version", MongoBackend.SCHEMA_VERSION + 1))).block(WAIT);
        try (MongoBackend newer = new MongoBackend(first.config())) {
            assertThatThrownBy(newer::connect).isInstanceOfSatisfying(DomainException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.BACKEND_UNAVAILABLE);
                assertThat(e.getMessage()).contains("schema version " + (MongoBackend.SCHEMA_VERSION + 1)).contains("upgrade engram");
            });
        }
    }
}
