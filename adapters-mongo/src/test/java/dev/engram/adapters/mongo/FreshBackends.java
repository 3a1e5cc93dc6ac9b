package dev.engram.adapters.mongo;

import dev.engram.adapters.mongo.harness.MongoTarget;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link MongoTarget} per test class (the stand-in, or ENGRAM_TEST_MONGO_URI's MongoDB), and backends on
 * fresh databases of it, closed after each test: {@code @RegisterExtension static final FreshBackends MONGO = new FreshBackends();}.
 */
final class FreshBackends implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {
    private MongoTarget target;
    private final List<MongoBackend> open = new ArrayList<>();

    @Override
    public void beforeAll(ExtensionContext context) {
        target = MongoTarget.start();
    }

    /** A connected backend on a database of its own. */
    synchronized MongoBackend backend() {
        MongoBackend backend = new MongoBackend(target.config());
        open.add(backend);
        backend.connect();
        return backend;
    }

    MongoTarget target() {
        return target;
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) {
        open.forEach(MongoBackend::close);
        open.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        target.close();
    }
}
