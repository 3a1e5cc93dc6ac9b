package dev.engram.adapters.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import dev.engram.application.port.out.UpsertOutcome;
import dev.engram.domain.json.JsonArray;
import dev.engram.domain.json.JsonNumber;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.JsonValue;
import dev.engram.domain.trajectory.ActionStep;
import dev.engram.domain.trajectory.ReadContext;
import dev.engram.domain.trajectory.ReadResult;
import dev.engram.domain.trajectory.Trajectory;
import dev.engram.domain.trajectory.TrajectoryLimits;
import dev.engram.domain.trajectory.TrajectoryReader;
import dev.engram.domain.trajectory.TrajectoryWriter;
import dev.engram.json.JsonCodec;
import dev.engram.testkit.Trajectories;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

/** What the contract cannot see: the stored documents themselves (no operator keys), and the size cap. */
class MongoPayloadTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    @RegisterExtension
    static final FreshBackends MONGO = new FreshBackends();
    private MongoBackend backend;
    private MongoTrajectoryStore store;

    @BeforeEach
    void open() {
        backend = MONGO.backend();
        store = new MongoTrajectoryStore(backend);
    }

    private BsonDocument raw(String id) {
        return Mono.from(backend.trajectories().find(Filters.eq("_id", "ns/" + id)).first()).block(WAIT);
    }

    private static void collectKeys(BsonValue value, List<String> out) {
        if (value.isDocument()) {
            value.asDocument().forEach((key, member) -> {
                out.add(key);
                collectKeys(member, out);
            });
        } else if (value.isArray()) {
            value.asArray().forEach(element -> collectKeys(element, out));
        }
    }

    @Test
    void dollarAndDotKeysAreStoredAsPlainFieldsThatNoQueryReadsAsOperators() {
        Trajectory odd = Trajectories.oddPayload("odd");
        assertThat(store.upsert("ns", List.of(odd), true).block(WAIT)).extracting(UpsertOutcome::status).containsExactly(UpsertOutcome.Status.INSERTED);

        BsonDocument stored = raw("odd");
        List<String> keys = new ArrayList<>();
        collectKeys(stored, keys);
        assertThat(keys).isNotEmpty().allSatisfy(key -> assertThat(key).doesNotStartWith("$").doesNotContain(".").isNotEmpty());
        // the user's {"$gt": 1} in metadata is data: its escaped field is found by plain equality, and it is no operator
        assertThat(Mono.from(backend.trajectories().countDocuments(Filters.eq("body.metadata.~dgt", 1))).block(WAIT)).isEqualTo(1);
        assertThat(stored.getDocument("body").getDocument("metadata").keySet()).containsExactly("~dgt", "x~py~pz");
        // the user's "$set" in tool_args did not update anything: the document reads back exactly as sent
        assertThat(store.get("ns", "odd").block(WAIT)).isEqualTo(odd);
        // a loss update touches the loss only
        store.updateLosses("ns", Map.of("odd", 0.5)).block(WAIT);
        assertThat(store.get("ns", "odd").block(WAIT)).isEqualTo(odd.withLoss(0.5));
    }

    /** A 1 MiB item of the shape that grows most in BSON: an array of one-digit numbers (2 bytes each in JSON). */
    private static Trajectory worstCaseAtTheLimit(String id) {
        Trajectory base = Trajectories.plain(id).build();
        int baseBytes = JsonCodec.instance().write(TrajectoryWriter.toJson(base)).getBytes(StandardCharsets.UTF_8).length;
        int budget = TrajectoryLimits.DEFAULT.maxBytes() - baseBytes - 64;
        List<JsonValue> digits = new ArrayList<>(budget / 2);
        for (int i = 0; i < budget / 2; i++) {
            digits.add(JsonNumber.of(i % 10));
        }
        ActionStep step = new ActionStep(null, "flood", JsonObject.builder().put("d", new JsonArray(digits)).build(), null, null);
        return Trajectories.plain(id).steps(List.of(step)).build();
    }

    @Test
    void aTrajectoryAtTheOneMebibyteLimitFitsUnderTheBsonCapWithRoom() {
        Trajectory big = worstCaseAtTheLimit("big");
        String json = JsonCodec.instance().write(TrajectoryWriter.toJson(big));
        int jsonBytes = json.getBytes(StandardCharsets.UTF_8).length;
        assertThat(jsonBytes).isBetween(TrajectoryLimits.DEFAULT.maxBytes() - 4096, TrajectoryLimits.DEFAULT.maxBytes());
        // validation accepts it as it is: it is a trajectory engram must be able to store
        ReadResult validated = TrajectoryReader.withDefaults().read(JsonCodec.instance().parse(json),
                new ReadContext(Trajectories.T0, () -> "generated", "agent"));
        assertThat(validated.ok()).as("validation: %s", validated.violations()).isTrue();

        BsonDocument document = TrajectoryDocuments.document("ns", big, big.contentHash(), "inc");
        int bsonBytes = new RawBsonDocument(document, new BsonDocumentCodec()).getByteBuffer().remaining();
        assertThat(bsonBytes).as("BSON size").isLessThan(8 << 20); // half of MongoDB's 16 MiB cap at most

        assertThat(store.upsert("ns", List.of(big), true).block(WAIT)).extracting(UpsertOutcome::status)
                .containsExactly(UpsertOutcome.Status.INSERTED);
        assertThat(store.get("ns", "big").block(WAIT)).isEqualTo(big);
        System.out.printf("1 MiB worst case: JSON %d bytes, BSON document %d bytes (%.2fx), cap 16777216%n", jsonBytes, bsonBytes,
                (double) bsonBytes / jsonBytes);
    }
}
