package dev.engram.adapters.mongo;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.result.DeleteResult;
import dev.engram.application.port.out.Change;
import dev.engram.application.port.out.TrajectoryStore;
import dev.engram.application.port.out.UpsertOutcome;
import dev.engram.application.query.TrajectoryFilter;
import dev.engram.application.query.TrajectoryPage;
import dev.engram.application.query.TrajectoryQuery;
import dev.engram.domain.stats.TimeBucket;
import dev.engram.domain.stats.TrajectoryStatistics;
import dev.engram.domain.trajectory.Trajectory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Trajectories and the change feed of every namespace in MongoDB ({@link TrajectoryDocuments} has the layout,
 * {@link ChangeFeed} the sequences). Without transactions (the stand-in has none, and a sharded cluster makes them
 * costly), every write is ordered so that a failure part-way leaves a state a retry completes:
 *
 * <ul>
 *   <li>upsert: the trajectory documents first (an unordered insert; {@code _id} makes a second insert of an id a
 *   duplicate-key error, never a second document), then their INSERT changes, then {@code logged: true}. A retry
 *   finds the documents, sees the same hash, and logs what was not logged yet — exactly once, by the change id.</li>
 *   <li>all-or-nothing batches are checked before anything is written; if a concurrent writer slips a conflicting
 *   id in between, the documents this call inserted are removed again before any change was logged.</li>
 *   <li>deletes: the DELETE changes first, then the documents; a retry deletes what is left, logging nothing twice.</li>
 * </ul>
 *
 * The multi-step writes run on a bounded scheduler and wait for the driver there; reads are reactive throughout.
 */
final class MongoTrajectoryStore implements TrajectoryStore, AutoCloseable {
    static final int WRITE_CHUNK = 500;
    /** A chunk also ends once it holds this much BSON: a batch of 1 MiB trajectories is written a few at a time. */
    static final long CHUNK_BYTES = 16L << 20;
    private static final BsonDocumentCodec CODEC = new BsonDocumentCodec();
    private static final int FETCH_CHUNK = 500;
    private static final int STREAM_BATCH = 64;

    private final MongoBackend backend;
    private final ChangeFeed feed;
    private final Scheduler scheduler = Schedulers.boundedElastic();

    private final int writeChunk;

    MongoTrajectoryStore(MongoBackend backend) {
        this(backend, WRITE_CHUNK);
    }

    /** @param writeChunk how many trajectories one insert carries (tests make it small to cut between chunks) */
    MongoTrajectoryStore(MongoBackend backend, int writeChunk) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.feed = new ChangeFeed(backend);
        if (writeChunk < 1) {
            throw new IllegalArgumentException("writeChunk must be positive, got " + writeChunk);
        }
        this.writeChunk = writeChunk;
    }

    private <T> Mono<T> blocking(String what, Callable<T> work) {
        return backend.guard(Mono.fromCallable(work).subscribeOn(scheduler), what);
    }

    private static BsonString str(String value) {
        return new BsonString(value);
    }

    private static BsonDocument ids(List<String> documentIds) {
        BsonArray values = new BsonArray(documentIds.stream().map(BsonString::new).collect(Collectors.toList()));
        return new BsonDocument("_id", new BsonDocument("$in", values));
    }

    // ---- writes ------------------------------------------------------------------------------------------------

    @Override
    public Mono<List<UpsertOutcome>> upsert(String namespace, List<Trajectory> batch, boolean atomic) {
        if (batch.isEmpty()) {
            return Mono.just(List.of());
        }
        return blocking("storing trajectories", () -> {
            List<String> hashes = batch.stream().map(Trajectory::contentHash).collect(Collectors.toList());
            if (atomic) {
                Map<String, BsonDocument> existing = existing(namespace, batch);
                if (conflicts(batch, hashes, existing)) {
                    return refused(batch, hashes, existing);
                }
            }
            List<UpsertOutcome> out = new ArrayList<>(batch.size());
            int from = 0;
            while (from < batch.size()) {
                // a chunk: up to writeChunk documents and about CHUNK_BYTES of BSON, each encoded once, to bytes
                List<RawBsonDocument> encoded = new ArrayList<>();
                long bytes = 0;
                int to = from;
                while (to < batch.size() && encoded.size() < writeChunk && (encoded.isEmpty() || bytes < CHUNK_BYTES)) {
                    RawBsonDocument raw = new RawBsonDocument(TrajectoryDocuments.document(namespace, batch.get(to), hashes.get(to),
                            UUID.randomUUID().toString()), CODEC);
                    bytes += raw.getByteBuffer().remaining();
                    encoded.add(raw);
                    to++;
                }
                List<UpsertOutcome> part = upsertChunk(namespace, batch.subList(from, to), hashes.subList(from, to), encoded, atomic);
                if (part == null) { // all-or-nothing, and a conflicting id slipped in since the check: nothing is kept
                    Map<String, BsonDocument> existing = existing(namespace, batch);
                    return refused(batch, hashes, existing);
                }
                out.addAll(part);
                from = to;
            }
            return out;
        });
    }

    private static boolean conflicts(List<Trajectory> batch, List<String> hashes, Map<String, BsonDocument> existing) {
        for (int i = 0; i < batch.size(); i++) {
            BsonDocument doc = existing.get(batch.get(i).trajectoryId());
            if (doc != null && !doc.getString("hash").getValue().equals(hashes.get(i))) {
                return true;
            }
        }
        return false;
    }

    private static List<UpsertOutcome> refused(List<Trajectory> batch, List<String> hashes, Map<String, BsonDocument> existing) {
        List<UpsertOutcome> out = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            String id = batch.get(i).trajectoryId();
            BsonDocument doc = existing.get(id);
            out.add(doc != null && !doc.getString("hash").getValue().equals(hashes.get(i)) ? UpsertOutcome.conflict(id) : UpsertOutcome.notStored(id));
        }
        return out;
    }

    /** The stored documents (replay fields, hash, incarnation) of the batch's ids, by trajectory id. */
    private Map<String, BsonDocument> existing(String namespace, List<Trajectory> batch) {
        Map<String, BsonDocument> found = new HashMap<>();
        for (int from = 0; from < batch.size(); from += FETCH_CHUNK) {
            List<String> chunk = batch.subList(from, Math.min(batch.size(), from + FETCH_CHUNK)).stream()
                    .map(t -> TrajectoryDocuments.id(namespace, t.trajectoryId())).collect(Collectors.toList());
            for (BsonDocument doc : Blocking.all(backend.trajectories().find(ids(chunk)).projection(TrajectoryDocuments.REPLAY_FIELDS))) {
                found.put(doc.getString("tid").getValue(), doc);
            }
        }
        return found;
    }

    /** One chunk; {@code null} when it was all-or-nothing and a conflict appeared (what it inserted is removed again). */
    private List<UpsertOutcome> upsertChunk(String namespace, List<Trajectory> chunk, List<String> hashes, List<RawBsonDocument> encoded,
            boolean atomic) {
        Map<String, BsonDocument> existing = existing(namespace, chunk);
        List<RawBsonDocument> fresh = new ArrayList<>();
        List<Integer> freshAt = new ArrayList<>();
        Map<Integer, BsonDocument> mine = new HashMap<>();
        for (int i = 0; i < chunk.size(); i++) {
            Trajectory t = chunk.get(i);
            if (!existing.containsKey(t.trajectoryId())) {
                RawBsonDocument doc = encoded.get(i);
                fresh.add(doc);
                freshAt.add(i);
                mine.put(i, doc);
            }
        }
        if (!fresh.isEmpty()) {
            try {
                Blocking.await(backend.trajectories().withDocumentClass(RawBsonDocument.class).insertMany(fresh, new InsertManyOptions().ordered(false)));
            } catch (MongoBulkWriteException e) {
                // the error indexes say which were refused (the stand-in's insertedCount is wrong here: not used)
                for (BulkWriteError error : e.getWriteErrors()) {
                    if (error.getCode() != 11000) {
                        throw e;
                    }
                    mine.remove(freshAt.get(error.getIndex())); // written by another writer meanwhile
                }
                if (e.getWriteConcernError() != null) {
                    throw e;
                }
                existing = existing(namespace, chunk);
            }
        }
        if (atomic && conflicts(chunk, hashes, existing)) {
            removeUnlogged(new ArrayList<>(mine.values()));
            return null;
        }
        List<ChangeFeed.Entry> entries = new ArrayList<>();
        List<Integer> entryAt = new ArrayList<>();
        UpsertOutcome[] out = new UpsertOutcome[chunk.size()];
        for (int i = 0; i < chunk.size(); i++) {
            String id = chunk.get(i).trajectoryId();
            BsonDocument doc = mine.get(i);
            if (doc == null) {
                BsonDocument stored = existing.get(id);
                if (!stored.getString("hash").getValue().equals(hashes.get(i))) {
                    out[i] = UpsertOutcome.conflict(id);
                    continue;
                }
                if (stored.getBoolean("logged", BsonBoolean.FALSE).getValue()) {
                    out[i] = UpsertOutcome.unchanged(id);
                    continue;
                }
                doc = stored; // stored by an attempt that did not get to log it (or is logging it now): complete it
            }
            entries.add(new ChangeFeed.Entry("I:" + doc.getString("inc").getValue(), Change.Kind.INSERT, doc));
            entryAt.add(i);
        }
        long[] sequences = feed.append(namespace, entries);
        List<String> logged = new ArrayList<>();
        for (int j = 0; j < entries.size(); j++) {
            int i = entryAt.get(j);
            String id = chunk.get(i).trajectoryId();
            out[i] = sequences[j] > 0 ? UpsertOutcome.inserted(id, sequences[j]) : UpsertOutcome.unchanged(id);
            logged.add(TrajectoryDocuments.id(namespace, id));
        }
        if (!logged.isEmpty()) {
            Blocking.await(backend.trajectories().updateMany(ids(logged), new BsonDocument("$set", new BsonDocument("logged", BsonBoolean.TRUE))));
        }
        return List.of(out);
    }

    /** Removes documents this call inserted and never logged (matched by their incarnation, so nobody else's). */
    private void removeUnlogged(List<BsonDocument> docs) {
        if (docs.isEmpty()) {
            return;
        }
        BsonArray or = new BsonArray();
        for (BsonDocument doc : docs) {
            or.add(new BsonDocument("_id", doc.get("_id")).append("inc", doc.get("inc")));
        }
        Blocking.await(backend.trajectories().deleteMany(new BsonDocument("$or", or)));
    }

    @Override
    public Mono<Set<String>> updateLosses(String namespace, Map<String, Double> losses) {
        if (losses.isEmpty()) {
            return Mono.just(Set.of());
        }
        return blocking("updating losses", () -> {
            List<WriteModel<BsonDocument>> updates = new ArrayList<>();
            List<String> docIds = new ArrayList<>();
            losses.forEach((id, loss) -> {
                String docId = TrajectoryDocuments.id(namespace, id);
                docIds.add(docId);
                updates.add(new UpdateOneModel<>(new BsonDocument("_id", str(docId)),
                        new BsonDocument("$set", new BsonDocument("loss", new BsonDouble(Objects.requireNonNull(loss, "loss"))))));
            });
            Blocking.await(backend.trajectories().bulkWrite(updates, new BulkWriteOptions().ordered(false)));
            Map<String, BsonDocument> found = new HashMap<>();
            for (BsonDocument doc : Blocking.all(backend.trajectories().find(ids(docIds)).projection(TrajectoryDocuments.REPLAY_FIELDS))) {
                found.put(doc.getString("tid").getValue(), doc);
            }
            Set<String> updated = new LinkedHashSet<>();
            List<ChangeFeed.Entry> entries = new ArrayList<>();
            for (String id : losses.keySet()) {
                BsonDocument doc = found.get(id);
                if (doc != null) {
                    updated.add(id);
                    entries.add(new ChangeFeed.Entry(null, Change.Kind.LOSS, doc));
                }
            }
            feed.append(namespace, entries);
            return updated;
        });
    }

    @Override
    public Mono<Void> addReplays(String namespace, Map<String, Long> replays) {
        if (replays.isEmpty()) {
            return Mono.empty();
        }
        List<WriteModel<BsonDocument>> updates = new ArrayList<>();
        replays.forEach((id, n) -> updates.add(new UpdateOneModel<>(new BsonDocument("_id", str(TrajectoryDocuments.id(namespace, id))),
                new BsonDocument("$inc", new BsonDocument("replays", new BsonInt64(n))))));
        return backend.guard(Mono.from(backend.trajectories().bulkWrite(updates, new BulkWriteOptions().ordered(false))), "counting replays").then();
    }

    @Override
    public Mono<Boolean> delete(String namespace, String trajectoryId) {
        return deleteWhere(namespace, new BsonDocument("_id", str(TrajectoryDocuments.id(namespace, trajectoryId)))).map(n -> n > 0);
    }

    @Override
    public Mono<Long> deleteOlderThan(String namespace, Instant cutoff) {
        return deleteWhere(namespace, new BsonDocument("ns", str(namespace))
                .append("t", new BsonDocument("$lt", str(TrajectoryDocuments.timeCode(cutoff)))));
    }

    @Override
    public Mono<Long> deleteAgent(String namespace, String agentId) {
        return deleteWhere(namespace, new BsonDocument("ns", str(namespace)).append("agent", str(agentId)));
    }

    /** Deletes what matches, oldest first, a chunk at a time: the DELETE changes first, then the documents. */
    private Mono<Long> deleteWhere(String namespace, BsonDocument filter) {
        return blocking("deleting trajectories", () -> {
            long deleted = 0;
            while (true) {
                List<BsonDocument> docs = Blocking.all(backend.trajectories().find(filter).projection(TrajectoryDocuments.REPLAY_FIELDS)
                        .sort(new BsonDocument("t", new BsonInt32(1)).append("tid", new BsonInt32(1))).limit(writeChunk));
                if (docs.isEmpty()) {
                    return deleted;
                }
                List<ChangeFeed.Entry> entries = new ArrayList<>();
                BsonArray or = new BsonArray();
                for (BsonDocument doc : docs) {
                    entries.add(new ChangeFeed.Entry("D:" + doc.getString("inc").getValue(), Change.Kind.DELETE, doc));
                    or.add(new BsonDocument("_id", doc.get("_id")).append("inc", doc.get("inc")));
                }
                feed.append(namespace, entries);
                DeleteResult result = Blocking.await(backend.trajectories().deleteMany(new BsonDocument("$or", or)));
                deleted += result.getDeletedCount();
            }
        });
    }

    // ---- reads -------------------------------------------------------------------------------------------------

    @Override
    public Mono<Trajectory> get(String namespace, String trajectoryId) {
        return backend.guard(Mono.from(backend.trajectories().find(new BsonDocument("_id", str(TrajectoryDocuments.id(namespace, trajectoryId)))).first()),
                "reading a trajectory").map(TrajectoryDocuments::trajectory);
    }

    @Override
    public Flux<Trajectory> getAll(String namespace, List<String> trajectoryIds) {
        if (trajectoryIds.isEmpty()) {
            return Flux.empty();
        }
        return Flux.fromIterable(trajectoryIds).buffer(FETCH_CHUNK).concatMap(chunk -> {
            List<String> docIds = chunk.stream().map(id -> TrajectoryDocuments.id(namespace, id)).collect(Collectors.toList());
            return backend.guard(Flux.from(backend.trajectories().find(ids(docIds))).collectList(), "reading trajectories")
                    .flatMapMany(docs -> {
                        // in the order asked for, as the other stores give them
                        Map<String, BsonDocument> byId = new HashMap<>();
                        docs.forEach(doc -> byId.put(doc.getString("tid").getValue(), doc));
                        return Flux.fromIterable(chunk).mapNotNull(byId::get).map(TrajectoryDocuments::trajectory);
                    });
        });
    }

    /** The stored hashes only (a projection): the write buffer's conflict check reads no bodies. */
    @Override
    public Mono<Map<String, String>> contentHashes(String namespace, List<String> trajectoryIds) {
        if (trajectoryIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return Flux.fromIterable(trajectoryIds).buffer(FETCH_CHUNK).concatMap(chunk -> backend.guard(Flux.from(backend.trajectories()
                        .find(ids(chunk.stream().map(id -> TrajectoryDocuments.id(namespace, id)).collect(Collectors.toList())))
                        .projection(new BsonDocument("tid", new BsonInt32(1)).append("hash", new BsonInt32(1)))), "reading content hashes"))
                .collectMap(doc -> doc.getString("tid").getValue(), doc -> doc.getString("hash").getValue());
    }

    static BsonDocument filter(String namespace, TrajectoryFilter f) {
        BsonDocument doc = new BsonDocument("ns", str(namespace));
        if (f.agentId() != null) {
            doc.append("agent", str(f.agentId()));
        }
        if (f.taskId() != null) {
            doc.append("task", str(f.taskId()));
        }
        if (f.domain() != null) {
            doc.append("domain", str(f.domain()));
        }
        if (f.outcome() != null) {
            doc.append("outcome", str(f.outcome().wireName()));
        }
        if (f.since() != null || f.until() != null) {
            BsonDocument range = new BsonDocument();
            if (f.since() != null) {
                range.append("$gte", str(TrajectoryDocuments.timeCode(f.since())));
            }
            if (f.until() != null) {
                range.append("$lt", str(TrajectoryDocuments.timeCode(f.until())));
            }
            doc.append("t", range);
        }
        return doc;
    }

    @Override
    public Mono<TrajectoryPage> query(String namespace, TrajectoryQuery query) {
        return Mono.defer(() -> {
            PageOrder order = PageOrder.of(query.order());
            BsonDocument filter = filter(namespace, query.filter());
            if (query.cursor() != null) {
                filter = new BsonDocument("$and", new BsonArray(List.of(filter, order.after(PageOrder.Position.decode(query.cursor())))));
            }
            return backend.guard(Flux.from(backend.trajectories().find(filter).sort(order.sort()).limit(query.limit() + 1)
                            .batchSize(Math.min(query.limit() + 1, STREAM_BATCH))).collectList(), "querying trajectories")
                    .map(docs -> {
                        boolean more = docs.size() > query.limit();
                        List<BsonDocument> page = more ? docs.subList(0, query.limit()) : docs;
                        List<Trajectory> items = page.stream().map(TrajectoryDocuments::trajectory).collect(Collectors.toList());
                        return new TrajectoryPage(items, more ? PageOrder.Position.of(page.get(page.size() - 1)).encode() : null);
                    });
        });
    }

    @Override
    public Mono<Long> count(String namespace, TrajectoryFilter filter) {
        return backend.guard(Mono.from(backend.trajectories().countDocuments(filter(namespace, filter))), "counting trajectories");
    }

    @Override
    public Mono<TrajectoryStatistics> statistics(String namespace, TrajectoryFilter filter, TimeBucket bucket) {
        return Mono.defer(() -> backend.guard(Mono.from(backend.trajectories().withReadPreference(backend.config().statisticsReadPreference())
                                .aggregate(StatisticsPipeline.of(filter(namespace, filter), bucket)).first()), "computing statistics")
                .map(StatisticsPipeline::read)
                .defaultIfEmpty(TrajectoryStatistics.empty()));
    }

    @Override
    public Flux<Trajectory> streamAll(String namespace) {
        return backend.guard(Flux.from(backend.trajectories().find(new BsonDocument("ns", str(namespace)))
                .sort(PageOrder.of(TrajectoryQuery.Order.OLDEST_FIRST).sort()).batchSize(STREAM_BATCH)), "exporting trajectories")
                .map(TrajectoryDocuments::trajectory);
    }

    @Override
    public Mono<Map<String, Long>> replayCounts(String namespace, Collection<String> trajectoryIds) {
        if (trajectoryIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        List<String> docIds = trajectoryIds.stream().map(id -> TrajectoryDocuments.id(namespace, id)).collect(Collectors.toList());
        return backend.guard(Flux.from(backend.trajectories().find(ids(docIds))
                        .projection(new BsonDocument("tid", new BsonInt32(1)).append("replays", new BsonInt32(1)))).collectList(), "reading replay counts")
                .map(docs -> {
                    Map<String, Long> byId = new HashMap<>();
                    docs.forEach(doc -> byId.put(doc.getString("tid").getValue(), doc.getNumber("replays", new BsonInt64(0)).longValue()));
                    Map<String, Long> out = new LinkedHashMap<>();
                    trajectoryIds.forEach(id -> {
                        if (byId.containsKey(id)) {
                            out.put(id, byId.get(id));
                        }
                    });
                    return out;
                });
    }

    @Override
    public Mono<Long> totalReplays(String namespace) {
        List<BsonDocument> pipeline = List.of(new BsonDocument("$match", new BsonDocument("ns", str(namespace))),
                new BsonDocument("$group", new BsonDocument("_id", BsonNull.VALUE).append("n", new BsonDocument("$sum", str("$replays")))));
        return backend.guard(Mono.from(backend.trajectories().aggregate(pipeline).first()), "reading replay counts")
                .map(doc -> doc.getNumber("n").longValue()).defaultIfEmpty(0L);
    }

    @Override
    public Flux<Change> changesSince(String namespace, long afterSequence, int limit) {
        if (limit <= 0) {
            return Flux.empty();
        }
        return changes(ChangeFeed.after(namespace, afterSequence), limit);
    }

    @Override
    public Flux<Change> insertsOfAgentSince(String namespace, String agentId, long afterSequence, int limit) {
        if (limit <= 0) {
            return Flux.empty();
        }
        return changes(ChangeFeed.after(namespace, afterSequence).append("agent", str(agentId)).append("kind", str("I")), limit);
    }

    private Flux<Change> changes(BsonDocument filter, int limit) {
        return backend.guard(Flux.from(backend.changes().find(filter).sort(new BsonDocument("seq", new BsonInt32(1))).limit(limit)),
                "reading the change feed").map(TrajectoryDocuments::readChange);
    }

    @Override
    public Mono<Long> lastSequence(String namespace) {
        return blocking("reading the change feed", () -> feed.maxSequence(namespace));
    }

    @Override
    public Flux<String> namespaces() {
        return backend.guard(Flux.from(backend.trajectories().distinct("ns", BsonValue.class)), "listing namespaces")
                .map(v -> v.asString().getValue())
                .collect(Collectors.toCollection(java.util.TreeSet::new))
                .flatMapMany(Flux::fromIterable);
    }

    @Override
    public void close() {
        backend.close();
    }
}
