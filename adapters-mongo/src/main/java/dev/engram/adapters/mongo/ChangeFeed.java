package dev.engram.adapters.mongo;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import dev.engram.application.port.out.Change;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import reactor.core.publisher.Mono;

/**
 * Appends to a namespace's change feed so that sequences become visible in order without transactions: a
 * sequence is taken by inserting the change document under the unique index {@code (ns, seq)}, and a change is
 * only ever inserted at {@code max + 1} of what the writer saw (an ordered {@code insertMany} of consecutive
 * sequences counts: the server inserts them one after the other). A writer that loses a race gets a duplicate-key
 * error, reads the new maximum and tries again from there. So a reader that sees sequence s has every change below
 * s visible too, and the feed has no gaps. Inside one process the writers of a namespace take turns (a lock), so
 * they never race each other; only separate processes do.
 *
 * <p>INSERT and DELETE changes carry the id {@code I:incarnation} / {@code D:incarnation}: an incarnation is logged
 * at most once per kind, however many retries or concurrent writers try — the second attempt finds the id taken and
 * learns that the change is already in the feed.
 *
 * <p>Blocking: it is called from the store's bounded scheduler.
 */
final class ChangeFeed {
    private static final int MAX_RACES = 10_000;

    /** One change to append: its id (null for a loss change), kind and the trajectory document it describes. */
    record Entry(String changeId, Change.Kind kind, BsonDocument trajectory) {
    }

    private final MongoBackend backend;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final Map<String, Long> known = new ConcurrentHashMap<>();

    ChangeFeed(MongoBackend backend) {
        this.backend = backend;
    }

    /**
     * Appends the entries in their order. Per entry: the sequence it took, or 0 when a change of that id was already
     * in the feed (another writer, or an earlier attempt, logged it).
     */
    long[] append(String namespace, List<Entry> entries) {
        long[] out = new long[entries.size()];
        if (entries.isEmpty()) {
            return out;
        }
        synchronized (locks.computeIfAbsent(namespace, ns -> new Object())) {
            Long cached = known.get(namespace);
            long next = (cached == null ? maxSequence(namespace) : cached) + 1;
            int from = 0;
            int races = 0;
            while (from < entries.size()) {
                List<BsonDocument> docs = new ArrayList<>(entries.size() - from);
                for (int i = from; i < entries.size(); i++) {
                    Entry e = entries.get(i);
                    docs.add(TrajectoryDocuments.change(e.changeId(), namespace, next + (i - from), e.kind(), e.trajectory()));
                }
                try {
                    Blocking.await(backend.changes().insertMany(docs, new InsertManyOptions().ordered(true)));
                    for (int i = from; i < entries.size(); i++) {
                        out[i] = next + (i - from);
                    }
                    known.put(namespace, next + docs.size() - 1);
                    return out;
                } catch (MongoBulkWriteException e) {
                    BulkWriteError error = e.getWriteErrors().get(0);
                    if (error.getCode() != 11000) {
                        throw e;
                    }
                    int k = error.getIndex(); // ordered: everything before k is in
                    for (int i = 0; i < k; i++) {
                        out[from + i] = next + i;
                    }
                    Entry clash = entries.get(from + k);
                    if (clash.changeId() != null && exists(clash.changeId())) {
                        out[from + k] = 0; // already logged; its sequence number was not used
                        next = next + k;
                        from = from + k + 1;
                        if (k > 0) {
                            known.put(namespace, next - 1);
                        }
                    } else {
                        if (++races > MAX_RACES) {
                            throw new IllegalStateException("gave up appending to the change feed of " + namespace + " after " + MAX_RACES + " races");
                        }
                        next = maxSequence(namespace) + 1;
                        from = from + k;
                    }
                }
            }
            known.put(namespace, next - 1);
            return out;
        }
    }

    private boolean exists(String changeId) {
        return Blocking.await(Mono.from(backend.changes().find(new BsonDocument("_id", new BsonString(changeId)))
                .projection(new BsonDocument("_id", new BsonInt32(1))).first())) != null;
    }

    long maxSequence(String namespace) {
        BsonDocument last = Blocking.await(Mono.from(backend.changes().find(new BsonDocument("ns", new BsonString(namespace)))
                .sort(new BsonDocument("seq", new BsonInt32(-1))).projection(new BsonDocument("seq", new BsonInt32(1))).limit(1).first()));
        return last == null ? 0 : last.getNumber("seq").longValue();
    }

    static BsonDocument after(String namespace, long sequence) {
        return new BsonDocument("ns", new BsonString(namespace)).append("seq", new BsonDocument("$gt", new BsonInt64(sequence)));
    }
}
