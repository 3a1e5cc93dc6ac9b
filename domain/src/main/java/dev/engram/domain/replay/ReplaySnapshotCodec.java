package dev.engram.domain.replay;

import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import dev.engram.domain.error.Violation;
import dev.engram.domain.trajectory.Outcome;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * A compact binary form of an index, so that a one-shot command on a large store loads the index in O(n) instead of
 * rebuilding it from every trajectory.
 *
 * <p>Format (big-endian, {@link DataOutput} conventions), version 1:
 * <pre>
 * "ENGRAMRI"                       8 bytes, magic
 * version                          int
 * change sequence                  long
 * capacity, eviction, ε, cache     int, byte (ordinal), double, int
 * agents, tasks, domains           three dictionaries: int count, then count strings
 * entry count                      int
 * per entry, in (createdAt, id) order:
 *   id                             string
 *   createdAt                      long epoch second, int nano
 *   agent, task, domain            int indexes into the dictionaries
 *   outcome                        byte (ordinal)
 *   loss                           double, NaN when unknown
 *   priority                       double
 *   replay count                   long
 * CRC-32C of every byte above      int
 * string = int byte length, then that many bytes of UTF-8
 * </pre>
 * A snapshot that is not one, is cut short, fails its checksum, holds impossible values or comes from a newer format
 * is refused with a {@link DomainException} of code {@code backend_unavailable} naming the field {@code snapshot}: the
 * caller rebuilds the index from the store and writes a new snapshot; nothing is guessed.
 */
public final class ReplaySnapshotCodec {

    /** The format this code writes, and the newest it reads. */
    public static final int VERSION = 1;

    private static final byte[] MAGIC = "ENGRAMRI".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_STRING_BYTES = 1 << 20;
    private static final int PREALLOCATE_AT_MOST = 1 << 16;
    private static final String FIELD = "snapshot";

    private ReplaySnapshotCodec() {
    }

    /** Writes the index as it is after the store's change {@code changeSequence}. */
    public static void write(ReplayIndex index, long changeSequence, DataOutput out) throws IOException {
        if (index == null) {
            throw DomainException.invalidArgument("index", "is required");
        }
        if (out == null) {
            throw DomainException.invalidArgument("out", "is required");
        }
        CRC32C checksum = new CRC32C();
        DataOutputStream data = new DataOutputStream(new CheckedOutputStream(SnapshotStreams.over(out), checksum));
        data.write(MAGIC);
        data.writeInt(VERSION);
        data.writeLong(changeSequence);
        ReplayConfig config = index.config();
        data.writeInt(config.capacity());
        data.writeByte(config.eviction().ordinal());
        data.writeDouble(config.epsilon());
        data.writeInt(config.weightingCacheSize());
        Map<String, Integer> agents = dictionary(index, ReplayItem::agentId);
        Map<String, Integer> tasks = dictionary(index, ReplayItem::taskId);
        Map<String, Integer> domains = dictionary(index, ReplayItem::domain);
        for (Map<String, Integer> strings : List.of(agents, tasks, domains)) {
            data.writeInt(strings.size());
            for (String value : strings.keySet()) {
                writeString(data, value);
            }
        }
        data.writeInt(index.size());
        for (ReplayEntry entry : (Iterable<ReplayEntry>) index.entries()::iterator) {
            ReplayItem item = entry.item();
            writeString(data, item.id());
            data.writeLong(item.createdAt().getEpochSecond());
            data.writeInt(item.createdAt().getNano());
            data.writeInt(agents.get(item.agentId()));
            data.writeInt(tasks.get(item.taskId()));
            data.writeInt(domains.get(item.domain()));
            data.writeByte(item.outcome().ordinal());
            data.writeDouble(item.loss() == null ? Double.NaN : item.loss());
            data.writeDouble(entry.priority());
            data.writeLong(entry.replayCount());
        }
        data.flush();
        out.writeInt((int) checksum.getValue());
    }

    /** Reads a snapshot written by {@link #write}, checking the checksum before anything is built from it. */
    public static ReplaySnapshot read(DataInput in) throws IOException {
        if (in == null) {
            throw DomainException.invalidArgument("in", "is required");
        }
        CRC32C checksum = new CRC32C();
        DataInputStream data = new DataInputStream(new CheckedInputStream(SnapshotStreams.over(in), checksum));
        try {
            byte[] magic = new byte[MAGIC.length];
            data.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw refused("is not an engram replay snapshot (wrong magic bytes)");
            }
            int version = data.readInt();
            if (version > VERSION) {
                throw refused("has format version " + version + ", newer than this engram reads (" + VERSION
                        + "); rebuild the index from the store or upgrade engram");
            }
            if (version < 1) {
                throw refused("is corrupt: format version " + version);
            }
            long changeSequence = data.readLong();
            int capacity = data.readInt();
            int eviction = data.readUnsignedByte();
            double epsilon = data.readDouble();
            int cacheSize = data.readInt();
            String[] agents = readStrings(data);
            String[] tasks = readStrings(data);
            String[] domains = readStrings(data);
            int count = readCount(data, "entry count");
            List<StoredEntry> stored = new ArrayList<>(Math.min(count, PREALLOCATE_AT_MOST));
            for (int i = 0; i < count; i++) {
                stored.add(new StoredEntry(readString(data), data.readLong(), data.readInt(), data.readInt(),
                        data.readInt(), data.readInt(), data.readUnsignedByte(), data.readDouble(), data.readDouble(),
                        data.readLong()));
            }
            int computed = (int) checksum.getValue();
            if (in.readInt() != computed) {
                throw refused("is corrupt: its checksum does not match its contents");
            }
            if (eviction >= EvictionPolicy.values().length) {
                throw refused("is corrupt: unknown eviction policy " + eviction);
            }
            ReplayConfig config = new ReplayConfig(capacity, EvictionPolicy.values()[eviction], epsilon, cacheSize);
            List<ReplayEntry> entries = new ArrayList<>(stored.size());
            for (StoredEntry entry : stored) {
                entries.add(entry.toEntry(agents, tasks, domains));
            }
            return new ReplaySnapshot(changeSequence, ReplayIndex.restore(config, entries));
        } catch (EOFException truncated) {
            throw refused("is corrupt: it ends early (truncated)");
        } catch (DomainException invalid) {
            if (invalid.code() != ErrorCode.INVALID_ARGUMENT) {
                throw invalid;
            }
            throw refused("is corrupt: " + invalid.getMessage());
        }
    }

    /**
     * Reads a snapshot held whole in memory, as {@link #read(DataInput)} does but without a call per byte: the
     * checksum is computed over the array in one pass and the fields are read from a buffer. This is the path of a
     * one-shot command loading a large index (10^6 entries in about a quarter of the time of the stream path).
     */
    public static ReplaySnapshot fromBytes(byte[] bytes) {
        if (bytes == null) {
            throw DomainException.invalidArgument("bytes", "is required");
        }
        if (bytes.length < MAGIC.length + Integer.BYTES) {
            throw refused("is corrupt: it ends early (truncated)");
        }
        CRC32C checksum = new CRC32C();
        checksum.update(bytes, 0, bytes.length - Integer.BYTES);
        ByteBuffer data = ByteBuffer.wrap(bytes, 0, bytes.length - Integer.BYTES);
        try {
            byte[] magic = new byte[MAGIC.length];
            data.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw refused("is not an engram replay snapshot (wrong magic bytes)");
            }
            int version = data.getInt();
            if (version > VERSION) {
                throw refused("has format version " + version + ", newer than this engram reads (" + VERSION
                        + "); rebuild the index from the store or upgrade engram");
            }
            if (version < 1) {
                throw refused("is corrupt: format version " + version);
            }
            if (ByteBuffer.wrap(bytes, bytes.length - Integer.BYTES, Integer.BYTES).getInt() != (int) checksum.getValue()) {
                throw refused("is corrupt: its checksum does not match its contents");
            }
            long changeSequence = data.getLong();
            int capacity = data.getInt();
            int eviction = Byte.toUnsignedInt(data.get());
            double epsilon = data.getDouble();
            int cacheSize = data.getInt();
            String[] agents = strings(data);
            String[] tasks = strings(data);
            String[] domains = strings(data);
            int count = count(data, "entry count", MIN_ENTRY_BYTES);
            if (eviction >= EvictionPolicy.values().length) {
                throw refused("is corrupt: unknown eviction policy " + eviction);
            }
            ReplayConfig config = new ReplayConfig(capacity, EvictionPolicy.values()[eviction], epsilon, cacheSize);
            List<ReplayEntry> entries = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                StoredEntry entry = new StoredEntry(string(data), data.getLong(), data.getInt(), data.getInt(), data.getInt(),
                        data.getInt(), Byte.toUnsignedInt(data.get()), data.getDouble(), data.getDouble(), data.getLong());
                entries.add(entry.toEntry(agents, tasks, domains));
            }
            if (data.hasRemaining()) {
                throw refused("is corrupt: " + data.remaining() + " bytes follow the last entry");
            }
            return new ReplaySnapshot(changeSequence, ReplayIndex.restore(config, entries));
        } catch (BufferUnderflowException truncated) {
            throw refused("is corrupt: it ends early (truncated)");
        } catch (DomainException invalid) {
            if (invalid.code() != ErrorCode.INVALID_ARGUMENT) {
                throw invalid;
            }
            throw refused("is corrupt: " + invalid.getMessage());
        }
    }

    /** The fewest bytes an entry takes (an empty id): a count above remaining / this is corrupt, not a huge index. */
    private static final int MIN_ENTRY_BYTES = Integer.BYTES + Long.BYTES + 4 * Integer.BYTES + 1 + 2 * Double.BYTES + Long.BYTES;

    private static int count(ByteBuffer data, String what, int minBytesEach) {
        int count = data.getInt();
        if (count < 0 || (long) count * minBytesEach > data.remaining()) {
            throw refused("is corrupt: " + what + " " + count + " does not fit in the " + data.remaining() + " bytes left");
        }
        return count;
    }

    private static String string(ByteBuffer data) {
        int length = data.getInt();
        if (length < 0 || length > MAX_STRING_BYTES || length > data.remaining()) {
            throw refused("is corrupt: a string of " + length + " bytes");
        }
        String value = new String(data.array(), data.arrayOffset() + data.position(), length, StandardCharsets.UTF_8);
        data.position(data.position() + length);
        return value;
    }

    private static String[] strings(ByteBuffer data) {
        int count = count(data, "dictionary size", Integer.BYTES);
        String[] out = new String[count];
        for (int i = 0; i < count; i++) {
            out[i] = string(data);
        }
        return out;
    }

    private static Map<String, Integer> dictionary(ReplayIndex index, Function<ReplayItem, String> attribute) {
        Map<String, Integer> numbers = new LinkedHashMap<>();
        index.entries().forEach(entry -> numbers.putIfAbsent(attribute.apply(entry.item()), numbers.size()));
        return numbers;
    }

    private static void writeString(DataOutputStream data, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        data.writeInt(bytes.length);
        data.write(bytes);
    }

    private static String readString(DataInputStream data) throws IOException {
        int length = data.readInt();
        if (length < 0 || length > MAX_STRING_BYTES) {
            throw refused("is corrupt: a string of " + length + " bytes");
        }
        byte[] bytes = new byte[length];
        data.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String[] readStrings(DataInputStream data) throws IOException {
        int count = readCount(data, "dictionary size");
        List<String> strings = new ArrayList<>(Math.min(count, PREALLOCATE_AT_MOST));
        for (int i = 0; i < count; i++) {
            strings.add(readString(data));
        }
        return strings.toArray(new String[0]);
    }

    private static int readCount(DataInputStream data, String what) throws IOException {
        int count = data.readInt();
        if (count < 0) {
            throw refused("is corrupt: " + what + " " + count);
        }
        return count;
    }

    private static DomainException refused(String problem) {
        String message = "replay snapshot " + problem;
        return new DomainException(ErrorCode.BACKEND_UNAVAILABLE, message, List.of(new Violation(FIELD, message)));
    }

    /** One entry as read, before the checksum has vouched for it. */
    private record StoredEntry(String id, long epochSecond, int nano, int agent, int task, int domain, int outcome,
                               double loss, double priority, long replays) {

        ReplayEntry toEntry(String[] agents, String[] tasks, String[] domains) {
            if (outcome >= Outcome.values().length) {
                throw refused("is corrupt: unknown outcome " + outcome + " for " + id);
            }
            Instant createdAt;
            try {
                createdAt = Instant.ofEpochSecond(epochSecond, nano);
            } catch (DateTimeException | ArithmeticException outOfRange) {
                throw refused("is corrupt: impossible time for " + id);
            }
            ReplayItem item = new ReplayItem(id, createdAt, lookUp(agents, agent), lookUp(tasks, task),
                    lookUp(domains, domain), Outcome.values()[outcome], Double.isNaN(loss) ? null : loss);
            return new ReplayEntry(item, priority, replays);
        }

        private String lookUp(String[] dictionary, int number) {
            if (number < 0 || number >= dictionary.length) {
                throw refused("is corrupt: dictionary reference " + number + " for " + id);
            }
            return dictionary[number];
        }
    }
}
