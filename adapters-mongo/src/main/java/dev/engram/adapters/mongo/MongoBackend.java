package dev.engram.adapters.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteConcernException;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the Mongo-backed ports share: the client (connected on first use), the collections, the indexes and the
 * schema-version document (both set up once, idempotently, at the first use), and the translation of connection
 * failures into engram's "backend unavailable".
 *
 * <p>Collections ({@code prefix} is {@code mongo.collection_prefix}): {@code prefix_trajectories} (one document per
 * trajectory), {@code prefix_changes} (the change feed), {@code prefix_memory} (one document per agent memory),
 * {@code prefix_meta} (the schema version). The indexes are listed in {@link #trajectoryIndexes}, {@link #changeIndexes} and {@link #memoryIndexes}, and in the README.
 */
final class MongoBackend implements AutoCloseable {
    /** The layout of the documents; stored in the meta collection and on every document as {@code sv}. */
    static final int SCHEMA_VERSION = 1;
    private static final Duration SETUP_WAIT = Duration.ofMinutes(2);

    private final MongoConfig config;
    private volatile MongoClient client;
    private volatile MongoDatabase database;
    private boolean closed;

    MongoBackend(MongoConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    MongoConfig config() {
        return config;
    }

    MongoCollection<BsonDocument> trajectories() {
        return collection("trajectories");
    }

    MongoCollection<BsonDocument> changes() {
        return collection("changes");
    }

    MongoCollection<BsonDocument> memory() {
        return collection("memory");
    }

    MongoCollection<BsonDocument> meta() {
        return collection("meta");
    }

    private MongoCollection<BsonDocument> collection(String name) {
        return open().getCollection(config.collectionPrefix() + "_" + name, BsonDocument.class);
    }

    private MongoDatabase open() {
        MongoDatabase current = database;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the mongo backend is closed");
            }
            if (database == null) {
                ConnectionString uri = MongoConfig.connectionString(config.uri());
                long connectMs = config.connectTimeout().toMillis();
                MongoClientSettings settings = MongoClientSettings.builder()
                        .applyConnectionString(uri)
                        .writeConcern(config.writeConcern())
                        .applyToClusterSettings(b -> b.serverSelectionTimeout(connectMs, TimeUnit.MILLISECONDS))
                        .applyToSocketSettings(b -> b.connectTimeout((int) connectMs, TimeUnit.MILLISECONDS)
                                .readTimeout((int) config.commandTimeout().toMillis(), TimeUnit.MILLISECONDS))
                        .retryWrites(false) // the stand-in has no sessions; engram's own writes are idempotent on retry
                        .build();
                MongoClient opened = MongoClients.create(settings);
                MongoDatabase db = opened.getDatabase(config.database());
                try {
                    setUp(db);
                } catch (RuntimeException e) {
                    opened.close();
                    throw e;
                }
                client = opened;
                database = db;
            }
            return database;
        }
    }

    /** Connects now (an unreachable MongoDB is reported when engram starts) and sets up indexes and the schema. */
    void connect() {
        open();
    }

    /** Every index of the store, with the query each serves (the README's table says the same). */
    static List<IndexModel> trajectoryIndexes(MongoConfig config) {
        List<IndexModel> indexes = new java.util.ArrayList<>(List.of(
                // get / getAll / upsert conflict check: {_id} is "namespace/trajectory id" (the default _id index)
                // list, stream-all, prune by age, cursor paging newest/oldest first
                new IndexModel(Indexes.ascending("ns", "t", "tid"), new IndexOptions().name("ns_time")),
                // list filtered by agent, forget (deleteAgent), statistics by agent
                new IndexModel(Indexes.ascending("ns", "agent", "t", "tid"), new IndexOptions().name("ns_agent_time")),
                // list filtered by task (and outcome), top-N by reward per task and outcome
                new IndexModel(Indexes.compoundIndex(Indexes.ascending("ns", "task", "outcome"), Indexes.descending("reward", "t", "tid")),
                        new IndexOptions().name("ns_task_outcome_reward")),
                // reward-ordered pages over a whole namespace (best / worst first)
                new IndexModel(Indexes.compoundIndex(Indexes.ascending("ns"), Indexes.descending("reward", "t", "tid")),
                        new IndexOptions().name("ns_reward")),
                // list filtered by domain
                new IndexModel(Indexes.ascending("ns", "domain", "t", "tid"), new IndexOptions().name("ns_domain_time"))));
        if (config.ttl() != null) {
            indexes.add(new IndexModel(Indexes.ascending("at"),
                    new IndexOptions().name("ttl_created_at").expireAfter(config.ttl().toSeconds(), TimeUnit.SECONDS)));
        }
        return indexes;
    }

    static List<IndexModel> changeIndexes() {
        return List.of(
                // the feed's order, and what makes sequences unique: a sequence is taken by inserting it
                new IndexModel(Indexes.ascending("ns", "seq"), new IndexOptions().name("ns_seq").unique(true)),
                // insertsOfAgentSince
                new IndexModel(Indexes.ascending("ns", "agent", "kind", "seq"), new IndexOptions().name("ns_agent_kind_seq")));
    }

    static List<IndexModel> memoryIndexes() {
        // streamAll of a namespace ordered by agent ({_id} is "namespace/agent" for load and save)
        return List.of(new IndexModel(Indexes.ascending("ns", "agent"), new IndexOptions().name("ns_agent").unique(true)));
    }

    private void setUp(MongoDatabase db) {
        String prefix = config.collectionPrefix() + "_";
        MongoCollection<BsonDocument> meta = db.getCollection(prefix + "meta", BsonDocument.class);
        Mono<BsonDocument> stored = Mono.from(meta.find(new BsonDocument("_id", new BsonString("schema"))).first());
        Mono<Void> work = stored.flatMap(doc -> {
            int version = doc.getInt32("version", new BsonInt32(0)).getValue();
            if (version > SCHEMA_VERSION) {
                return Mono.error(new DomainException(ErrorCode.BACKEND_UNAVAILABLE, "mongodb database " + config.database()
                        + " holds engram schema version " + version + ", newer than this engram (" + SCHEMA_VERSION + "): upgrade engram"));
            }
            return Mono.empty();
        }).then(Mono.defer(() -> Flux.concat(
                        Mono.from(db.getCollection(prefix + "trajectories", BsonDocument.class).createIndexes(trajectoryIndexes(config))).then(),
                        Mono.from(db.getCollection(prefix + "changes", BsonDocument.class).createIndexes(changeIndexes())).then(),
                        Mono.from(db.getCollection(prefix + "memory", BsonDocument.class).createIndexes(memoryIndexes())).then(),
                        Mono.from(meta.replaceOne(new BsonDocument("_id", new BsonString("schema")),
                                new BsonDocument("_id", new BsonString("schema")).append("version", new BsonInt32(SCHEMA_VERSION)),
                                new ReplaceOptions().upsert(true))).then())
                .then()));
        try {
            guard(work, "setting up indexes").block(SETUP_WAIT);
        } catch (DomainException e) {
            throw e;
        } catch (MongoCommandException e) {
            throw new DomainException(ErrorCode.BACKEND_UNAVAILABLE, "mongodb at " + config.redactedUri()
                    + " refused to set up engram's indexes: " + e.getErrorMessage());
        }
    }

    /** {@code mono} with connection failures and timeouts reported as backend_unavailable, naming {@code what}. */
    <T> Mono<T> guard(Mono<T> mono, String what) {
        return Mono.defer(() -> mono).onErrorMap(MongoBackend::isUnavailable, e -> unavailable(what, e));
    }

    <T> Flux<T> guard(Flux<T> flux, String what) {
        return Flux.defer(() -> flux).onErrorMap(MongoBackend::isUnavailable, e -> unavailable(what, e));
    }

    DomainException unavailable(String what, Throwable e) {
        return new DomainException(ErrorCode.BACKEND_UNAVAILABLE,
                "mongodb at " + config.redactedUri() + " is unavailable (" + what + "): " + e.getMessage());
    }

    /** Whether an error means MongoDB cannot be used right now, as opposed to a bug or bad data. */
    static boolean isUnavailable(Throwable e) {
        if (e instanceof DomainException) {
            return false;
        }
        if (e instanceof MongoSocketException || e instanceof MongoTimeoutException || e instanceof MongoNotPrimaryException
                || e instanceof MongoNodeIsRecoveringException || e instanceof MongoSecurityException
                || e instanceof MongoWriteConcernException || e instanceof TimeoutException
                || e instanceof java.io.IOException) {
            return true;
        }
        if (e instanceof MongoException mongo && (mongo.hasErrorLabel(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL)
                || mongo.hasErrorLabel("RetryableWriteError"))) {
            return true;
        }
        if (e instanceof IllegalStateException && String.valueOf(e.getMessage()).contains("state should be: open")) {
            return true; // the client was closed under a command
        }
        return e.getCause() != null && e.getCause() != e && isUnavailable(e.getCause());
    }

    @Override
    public void close() {
        MongoClient current;
        synchronized (this) {
            closed = true;
            current = client;
            client = null;
            database = null;
        }
        if (current != null) {
            current.close();
        }
    }
}
