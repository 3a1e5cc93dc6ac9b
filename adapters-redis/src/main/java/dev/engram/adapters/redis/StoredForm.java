package dev.engram.adapters.redis;

import dev.engram.application.port.out.Change;
import dev.engram.domain.json.JsonValue;
import dev.engram.domain.replay.ReplayItem;
import dev.engram.domain.trajectory.Outcome;
import dev.engram.domain.trajectory.ReadResult;
import dev.engram.domain.trajectory.Trajectory;
import dev.engram.domain.trajectory.TrajectoryReader;
import dev.engram.domain.trajectory.TrajectoryWriter;
import dev.engram.json.JsonCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * How a trajectory is written into Redis: its body is the wire JSON (the one mapping, {@link TrajectoryWriter}),
 * plain or deflated; the index members are fixed-width sortable codes followed by the id, so that a sorted set of
 * members that all score 0 orders exactly as engram's orders do (byte order of the codes = order of the values;
 * ids are ASCII, so byte order is Java's {@code String} order):
 *
 * <pre>
 * time code    24 hex: epoch second with its sign bit flipped (16), nano of second (8)
 * reward code  16 hex: the bits of the reward (a double in [0, 1]: the bits grow with the value)
 * "rd" member  reward code + time code + id       ZREVRANGEBYLEX: reward desc, then newest first
 * "ra" member  inverted reward code + time + id   ZREVRANGEBYLEX: reward asc, then newest first
 * "t" member   time code + id                     ZRANGEBYLEX oldest first, ZREVRANGEBYLEX newest first
 * </pre>
 *
 * The {@code meta} of a trajectory (one hash field per id) is what scripts filter on and what deletes need:
 * {@code contentHash TAB timeCode TAB rewardCode TAB invertedRewardCode TAB outcome TAB reward TAB agent TAB task TAB domain}
 * (labels cannot hold a TAB: control characters are refused by validation).
 */
final class StoredForm {
    static final int TIME_CODE = 24;
    static final int REWARD_CODE = 16;
    private static final byte DEFLATED = 'Z';
    private static final HexFormat HEX = HexFormat.of();

    private StoredForm() {
    }

    static String timeCode(Instant at) {
        return HEX.toHexDigits(at.getEpochSecond() ^ Long.MIN_VALUE) + HEX.toHexDigits(at.getNano());
    }

    static Instant time(String code) {
        long seconds = HEX.fromHexDigitsToLong(code, 0, 16) ^ Long.MIN_VALUE;
        int nanos = HEX.fromHexDigits(code, 16, 24);
        return Instant.ofEpochSecond(seconds, nanos);
    }

    static String rewardCode(double reward) {
        return HEX.toHexDigits(Double.doubleToLongBits(reward + 0.0));
    }

    static String invertedRewardCode(double reward) {
        return HEX.toHexDigits(Long.MAX_VALUE - Double.doubleToLongBits(reward + 0.0));
    }

    static String meta(Trajectory t, String contentHash) {
        return String.join("\t", contentHash, timeCode(t.createdAt()), rewardCode(t.reward()), invertedRewardCode(t.reward()),
                t.finalOutcome().wireName(), Double.toString(t.reward()), t.agentId(), t.taskId(), t.domain());
    }

    /** The fields of a meta value that statistics and the change feed need. */
    record Meta(String contentHash, Instant createdAt, Outcome outcome, double reward, String agentId, String taskId, String domain) {
        static Meta parse(String text) {
            String[] f = text.split("\t", -1);
            if (f.length != 9) {
                throw new IllegalStateException("redis holds a trajectory index entry in a form this version cannot read: " + text);
            }
            return new Meta(f[0], time(f[1]), StoredForm.outcome(f[4]), Double.parseDouble(f[5]), f[6], f[7], f[8]);
        }
    }

    static Outcome outcome(String wire) {
        return Outcome.parse(wire).orElseThrow(() -> new IllegalStateException("redis holds an unknown outcome '" + wire + "'"));
    }

    /**
     * A change feed entry as scripts write it:
     * {@code sequence TAB kind TAB id TAB timeCode TAB outcome TAB loss TAB agent TAB task TAB domain} (loss empty: none).
     */
    static Change change(String entry) {
        String[] f = entry.split("\t", -1);
        if (f.length != 9) {
            throw new IllegalStateException("redis holds a change feed entry in a form this version cannot read: " + entry);
        }
        Change.Kind kind = switch (f[1]) {
            case "I" -> Change.Kind.INSERT;
            case "L" -> Change.Kind.LOSS;
            case "D" -> Change.Kind.DELETE;
            default -> throw new IllegalStateException("redis holds a change of unknown kind '" + f[1] + "'");
        };
        Double loss = f[5].isEmpty() ? null : Double.valueOf(f[5]);
        return new Change(Long.parseLong(f[0]), kind,
                new ReplayItem(f[2], time(f[3]), f[6], f[7], f[8], outcome(f[4]), loss));
    }

    static String loss(Double loss) {
        return loss == null ? "" : Double.toString(loss);
    }

    /** The body: wire JSON, deflated when asked (the intermediate tier). */
    static byte[] body(Trajectory t, boolean deflate) {
        byte[] json = JsonCodec.instance().write(TrajectoryWriter.toJson(t)).getBytes(StandardCharsets.UTF_8);
        return deflate ? deflate(json) : json;
    }

    /** A stored body back to its trajectory, with the loss stored beside it (null: none). */
    static Trajectory read(byte[] body, Double loss, String where) {
        byte[] json = body.length > 0 && body[0] == DEFLATED ? inflate(body, where) : body;
        JsonValue value;
        try {
            value = JsonCodec.instance().parse(json);
        } catch (RuntimeException e) {
            throw new IllegalStateException("redis holds a trajectory whose JSON does not parse (" + where + "): " + e.getMessage(), e);
        }
        ReadResult result = TrajectoryReader.readStored(value);
        if (!result.ok()) {
            throw new IllegalStateException("redis holds a trajectory that does not read back (" + where + "): " + result.violations().get(0));
        }
        return result.trajectory().withLoss(loss);
    }

    static Double parseLoss(byte[] stored) {
        return stored == null || stored.length == 0 ? null : Double.valueOf(new String(stored, StandardCharsets.US_ASCII));
    }

    private static byte[] deflate(byte[] json) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(json);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 3 + 16);
            out.write(DEFLATED);
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static byte[] inflate(byte[] stored, String where) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(stored, 1, stored.length - 1);
            ByteArrayOutputStream out = new ByteArrayOutputStream(stored.length * 4);
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("redis holds a truncated compressed trajectory (" + where + ")");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalStateException("redis holds a corrupt compressed trajectory (" + where + "): " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    static String text(Object reply) {
        if (reply == null) {
            return null;
        }
        if (reply instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (reply instanceof String s) {
            return s;
        }
        throw new UncheckedIOException(new IOException("unexpected reply from a script: " + reply.getClass().getName()));
    }
}
