package dev.engram.adapters.mongo;

import dev.engram.application.port.out.Change;
import dev.engram.domain.replay.ReplayItem;
import dev.engram.domain.stats.RewardHistogram;
import dev.engram.domain.trajectory.Outcome;
import dev.engram.domain.trajectory.ReadResult;
import dev.engram.domain.trajectory.Trajectory;
import dev.engram.domain.trajectory.TrajectoryReader;
import dev.engram.domain.trajectory.TrajectoryWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * How a trajectory is written into MongoDB. One document per trajectory:
 *
 * <pre>
 * _id      "namespace/trajectory id" (a namespace holds no '/')
 * ns tid agent task domain outcome    the labels every filter uses
 * win      1 for a success, 0 otherwise (summed by the statistics pipelines)
 * reward   double; loss double (absent: none); replays long
 * rb       the reward's histogram bucket, RewardHistogram.bucketOf (Java's double arithmetic, so every store agrees)
 * t        created_at as 24 hex digits: epoch second with its sign bit flipped, then the nanosecond; sorts as time
 *          does, to the nanosecond (a BSON date holds only milliseconds)
 * at       created_at as a BSON date (milliseconds), for people and for the optional TTL index
 * hour day created_at's bucket starts (epoch seconds), grouped by the statistics series
 * hash     the content hash: a resend with another hash is a conflict
 * inc      the incarnation: a random id of this insert, which keys its INSERT and DELETE changes
 * logged   true once the INSERT change is in the feed (a retry completes it when not)
 * sv       the schema version
 * body     the wire JSON of the trajectory (TrajectoryWriter) as BSON, keys escaped by BsonJson
 * </pre>
 *
 * A change document: {@code _id} ("I:inc" for an insert, "D:inc" for a delete: one of each per incarnation at most;
 * a generated id for a loss change), {@code ns}, {@code seq}, {@code kind} (I, L, D), and the replay fields
 * {@code tid t agent task domain outcome loss}.
 */
final class TrajectoryDocuments {
    private static final HexFormat HEX = HexFormat.of();

    private TrajectoryDocuments() {
    }

    static String id(String namespace, String trajectoryId) {
        return namespace + "/" + trajectoryId;
    }

    static String timeCode(Instant at) {
        return HEX.toHexDigits(at.getEpochSecond() ^ Long.MIN_VALUE) + HEX.toHexDigits(at.getNano());
    }

    static Instant time(String code) {
        if (code.length() != 24) {
            throw new IllegalStateException("mongodb holds a time code this version cannot read: " + code);
        }
        return Instant.ofEpochSecond(HEX.fromHexDigitsToLong(code, 0, 16) ^ Long.MIN_VALUE, HEX.fromHexDigits(code, 16, 24));
    }

    static BsonDocument document(String namespace, Trajectory t, String hash, String incarnation) {
        Instant at = t.createdAt();
        BsonDocument doc = new BsonDocument("_id", new BsonString(id(namespace, t.trajectoryId())))
                .append("ns", new BsonString(namespace))
                .append("tid", new BsonString(t.trajectoryId()))
                .append("agent", new BsonString(t.agentId()))
                .append("task", new BsonString(t.taskId()))
                .append("domain", new BsonString(t.domain()))
                .append("outcome", new BsonString(t.finalOutcome().wireName()))
                .append("win", new BsonInt32(t.finalOutcome() == Outcome.SUCCESS ? 1 : 0))
                .append("reward", new BsonDouble(t.reward() + 0.0))
                .append("rb", new BsonInt32(RewardHistogram.bucketOf(t.reward())))
                .append("t", new BsonString(timeCode(at)))
                .append("at", new BsonDateTime(at.toEpochMilli()))
                .append("hour", new BsonInt64(at.truncatedTo(ChronoUnit.HOURS).getEpochSecond()))
                .append("day", new BsonInt64(at.truncatedTo(ChronoUnit.DAYS).getEpochSecond()));
        if (t.loss() != null) {
            doc.append("loss", new BsonDouble(t.loss()));
        }
        return doc.append("replays", new BsonInt64(0))
                .append("hash", new BsonString(hash))
                .append("inc", new BsonString(incarnation))
                .append("logged", BsonBoolean.FALSE)
                .append("sv", new BsonInt32(MongoBackend.SCHEMA_VERSION))
                .append("body", BsonJson.toBson(TrajectoryWriter.toJson(t)));
    }

    static Trajectory trajectory(BsonDocument doc) {
        BsonValue body = doc.get("body");
        String where = doc.get("_id") == null ? "?" : doc.get("_id").toString();
        if (body == null || !body.isDocument()) {
            throw new IllegalStateException("mongodb holds a trajectory document without a body (" + where + ")");
        }
        ReadResult result = TrajectoryReader.readStored(BsonJson.toJson(body.asDocument()));
        if (!result.ok()) {
            throw new IllegalStateException("mongodb holds a trajectory that does not read back (" + where + "): " + result.violations().get(0));
        }
        return result.trajectory().withLoss(loss(doc));
    }

    static Double loss(BsonDocument doc) {
        BsonValue loss = doc.get("loss");
        return loss == null || loss.isNull() ? null : loss.asNumber().doubleValue();
    }

    /** The replay fields of a trajectory document (the fields of {@link #REPLAY_FIELDS}). */
    static ReplayItem item(BsonDocument doc) {
        return new ReplayItem(doc.getString("tid").getValue(), time(doc.getString("t").getValue()), doc.getString("agent").getValue(),
                doc.getString("task").getValue(), doc.getString("domain").getValue(), outcome(doc.getString("outcome").getValue()), loss(doc));
    }

    static final BsonDocument REPLAY_FIELDS = new BsonDocument()
            .append("tid", new BsonInt32(1)).append("t", new BsonInt32(1)).append("agent", new BsonInt32(1))
            .append("task", new BsonInt32(1)).append("domain", new BsonInt32(1)).append("outcome", new BsonInt32(1))
            .append("loss", new BsonInt32(1)).append("hash", new BsonInt32(1)).append("inc", new BsonInt32(1))
            .append("logged", new BsonInt32(1));

    static Outcome outcome(String wire) {
        return Outcome.parse(wire).orElseThrow(() -> new IllegalStateException("mongodb holds an unknown outcome '" + wire + "'"));
    }

    /** A change document; the replay fields are copied from the trajectory document. */
    static BsonDocument change(String changeId, String namespace, long sequence, Change.Kind kind, BsonDocument trajectory) {
        BsonDocument doc = new BsonDocument();
        if (changeId != null) {
            doc.append("_id", new BsonString(changeId));
        }
        doc.append("ns", new BsonString(namespace)).append("seq", new BsonInt64(sequence))
                .append("kind", new BsonString(kind.name().substring(0, 1)));
        for (String field : new String[] {"tid", "t", "agent", "task", "domain", "outcome"}) {
            doc.append(field, trajectory.get(field));
        }
        Double loss = loss(trajectory);
        if (loss != null) {
            doc.append("loss", new BsonDouble(loss));
        }
        return doc.append("sv", new BsonInt32(MongoBackend.SCHEMA_VERSION));
    }

    static Change readChange(BsonDocument doc) {
        Change.Kind kind = switch (doc.getString("kind").getValue()) {
            case "I" -> Change.Kind.INSERT;
            case "L" -> Change.Kind.LOSS;
            case "D" -> Change.Kind.DELETE;
            default -> throw new IllegalStateException("mongodb holds a change of unknown kind '" + doc.getString("kind").getValue() + "'");
        };
        return new Change(doc.getNumber("seq").longValue(), kind, item(doc));
    }
}
