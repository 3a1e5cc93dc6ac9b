package dev.engram.adapters.mongo.harness;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import dev.engram.adapters.mongo.MongoConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Where the contract tests run: a real MongoDB when {@code ENGRAM_TEST_MONGO_URI} is set (e.g.
 * {@code mongodb://user:pw@host:27017/?replicaSet=rs0&authSource=admin}; every test gets a database of its own,
 * dropped afterwards), the in-process stand-in otherwise.
 */
public final class MongoTarget implements AutoCloseable {
    public static final String ENV = "ENGRAM_TEST_MONGO_URI";

    private final MongoStandIn standIn;
    private final String uri;
    private final List<String> databases = new ArrayList<>();

    private MongoTarget(MongoStandIn standIn, String uri) {
        this.standIn = standIn;
        this.uri = uri;
    }

    public static MongoTarget start() {
        String real = System.getenv(ENV);
        if (real != null && !real.isBlank()) {
            return new MongoTarget(null, real.trim());
        }
        MongoStandIn standIn = MongoStandIn.start();
        return new MongoTarget(standIn, standIn.uri());
    }

    /** Whether this is a real MongoDB (by URI), not the stand-in. */
    public boolean real() {
        return standIn == null;
    }

    public String uri() {
        return uri;
    }

    /** The plugin's defaults with a fresh database. */
    public synchronized MongoConfig config() {
        String database = MongoStandIn.freshDatabaseName();
        databases.add(database);
        return MongoConfig.of(uri, database);
    }

    @Override
    public synchronized void close() {
        if (standIn != null) {
            standIn.close();
            return;
        }
        try (MongoClient client = MongoClients.create(uri)) {
            for (String database : databases) {
                Mono.from(client.getDatabase(database).drop()).block(Duration.ofSeconds(30));
            }
        }
    }
}
