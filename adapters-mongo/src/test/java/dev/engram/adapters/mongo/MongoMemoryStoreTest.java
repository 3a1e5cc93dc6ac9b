package dev.engram.adapters.mongo;

import dev.engram.application.port.out.MemoryStore;
import dev.engram.testkit.MemoryStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The memory contract on the stand-in, or on the real MongoDB of ENGRAM_TEST_MONGO_URI. */
class MongoMemoryStoreTest extends MemoryStoreContract {
    @RegisterExtension
    static final FreshBackends MONGO = new FreshBackends();

    @Override
    protected MemoryStore createStore() {
        return new MongoMemoryStore(MONGO.backend());
    }
}
