package dev.engram.adapters.mongo;

import dev.engram.application.port.out.TrajectoryStore;
import dev.engram.testkit.TrajectoryStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The trajectory contract on the stand-in, or on the real MongoDB of ENGRAM_TEST_MONGO_URI. */
class MongoTrajectoryStoreTest extends TrajectoryStoreContract {
    @RegisterExtension
    static final FreshBackends MONGO = new FreshBackends();

    @Override
    protected TrajectoryStore createStore() {
        return new MongoTrajectoryStore(MONGO.backend());
    }
}
