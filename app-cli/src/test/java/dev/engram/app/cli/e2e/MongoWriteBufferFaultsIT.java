package dev.engram.app.cli.e2e;

import dev.engram.adapters.mongo.harness.MongoTarget;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The write buffer's faults ({@link WriteBufferFaultsContract}) with MongoDB as the long-term store
 * ({@code buffer: redis}, {@code storage: mongo}, as examples/config/redis-mongo.yaml): the stand-in of the
 * adapters-mongo test-jar, in this JVM and listening on a loopback port for the whole class (the worker JVMs connect
 * to it), or a real MongoDB when {@code ENGRAM_TEST_MONGO_URI} is set. Every configuration (each round, each test)
 * gets a database of its own, so no test sees another's trajectories or memories. Only Redis and the workers are
 * killed here; MongoDB stays up (its own faults are the adapters-mongo tests' with FaultyLink).
 */
class MongoWriteBufferFaultsIT extends WriteBufferFaultsContract {
    private static MongoTarget mongo;

    @BeforeAll
    static void startMongo() {
        mongo = MongoTarget.start();
    }

    @AfterAll
    static void stopMongo() {
        if (mongo != null) {
            mongo.close(); // the stand-in's data goes with it; on a real MongoDB the databases made here are dropped
        }
    }

    @Override
    List<String> longTermStore(Path data) {
        return List.of(
                "storage: mongo",
                "mongo:",
                "  uri: '" + mongo.uri().replace("'", "''") + "'", // a real server's URI may hold ?, &, #
                "  database: " + mongo.config().database(),
                "  write_concern: majority",
                "  connect_timeout: 2s",
                "  command_timeout: 10s");
    }

    @Override
    String longTermStoreName() {
        return "MongoDB";
    }
}
