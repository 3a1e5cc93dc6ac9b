package dev.engram.adapters.mongo;

import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.JsonString;
import dev.engram.domain.json.JsonValue;
import dev.engram.domain.trajectory.ActionStep;
import dev.engram.domain.trajectory.Outcome;
import dev.engram.domain.trajectory.Trajectory;
import dev.engram.domain.trajectory.TrajectoryReader;
import dev.engram.domain.trajectory.TrajectoryWriter;
import dev.engram.json.JsonCodec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.BsonBinaryReader;
import org.bson.BsonDocument;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.DecoderContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The MongoDB plugin's own work per document, beside the JSON codec's in the same run (no MongoDB involved: the
 * stand-in says nothing about MongoDB's speed). One ~2 KB trajectory (five tool calls) with a key that needs
 * escaping and an exact number:
 *
 * <ul>
 *   <li>{@code bsonEncode}: the trajectory to its stored document ({@code TrajectoryDocuments.document}: the index
 *   fields and the body through {@code BsonJson}, keys escaped) and that to BSON bytes, as the driver sends them;</li>
 *   <li>{@code bsonDecode}: BSON bytes to a document and back to the trajectory (the body through {@code BsonJson},
 *   then {@code TrajectoryReader.readStored}), as a read does;</li>
 *   <li>{@code jsonEncode} / {@code jsonDecode}: the same trajectory to and from wire JSON bytes
 *   ({@code TrajectoryWriter}, {@code JsonCodec}, {@code TrajectoryReader.readStored}): what SQLite and Redis store.</li>
 * </ul>
 *
 * The content hash (the same for every store) is computed once, outside. In the benchmarks module, in the plugin's
 * package, because the mapper is package-private.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MongoMapperBenchmark {
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final BsonDocumentCodec CODEC = new BsonDocumentCodec();

    private Trajectory trajectory;
    private String hash;
    private byte[] bson;
    private byte[] json;

    static Trajectory sample() {
        List<ActionStep> steps = new ArrayList<>();
        for (int s = 0; s < 5; s++) {
            steps.add(new ActionStep(T0.plusSeconds(s), "tool_" + s,
                    JsonObject.builder().put("file", "src/service/module_" + s + ".py").put("line", (long) s * 17).put("$filter.path", "a.b").build(),
                    new JsonString("result of step " + s + ": " + "ok, nothing unusual in the output of the tool; ".repeat(3)),
                    "reasoning for step " + s + ": check the most likely cause first, then widen the search"));
        }
        return Trajectory.builder().trajectoryId("t-1").agentId("builder").taskId("deploy").domain("code")
                .finalOutcome(Outcome.SUCCESS).reward(0.7).createdAt(T0).steps(steps)
                .metadata(JsonObject.builder().put("priority", "high").put("cost", new dev.engram.domain.json.JsonNumber(new java.math.BigDecimal("0.0012345"))).build())
                .build();
    }

    @Setup
    public void setUp() {
        trajectory = sample();
        hash = trajectory.contentHash();
        bson = bsonEncode();
        json = jsonEncode();
        if (!bsonDecode().equals(trajectory) || !jsonDecode().equals(trajectory)) {
            throw new IllegalStateException("the mapping does not round-trip");
        }
    }

    @Benchmark
    public byte[] bsonEncode() {
        BsonDocument doc = TrajectoryDocuments.document("ns", trajectory, hash, "incarnation");
        ByteBuffer buffer = new RawBsonDocument(doc, CODEC).getByteBuffer().asNIO();
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }

    @Benchmark
    public Trajectory bsonDecode() {
        BsonDocument doc = CODEC.decode(new BsonBinaryReader(ByteBuffer.wrap(bson)), DecoderContext.builder().build());
        return TrajectoryDocuments.trajectory(doc);
    }

    @Benchmark
    public byte[] jsonEncode() {
        return JsonCodec.instance().write(TrajectoryWriter.toJson(trajectory)).getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public Trajectory jsonDecode() {
        JsonValue value = JsonCodec.instance().parse(json);
        return TrajectoryReader.readStored(value).trajectory();
    }

    /** The sizes, for docs/benchmarks.md. */
    public static void main(String[] args) {
        MongoMapperBenchmark b = new MongoMapperBenchmark();
        b.setUp();
        System.out.printf("BSON document %d bytes, wire JSON %d bytes%n", b.bson.length, b.json.length);
    }
}
