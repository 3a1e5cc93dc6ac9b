package dev.engram.adapters.mongo.harness;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.engram.adapters.mongo.MongoConfig;
import java.net.InetSocketAddress;
import java.util.UUID;

/**
 * An in-process MongoDB stand-in (mongo-java-server with its memory backend) on a free loopback port, for tests
 * of this module and of others (a Redis-to-MongoDB write-behind test, the CLI end to end): published in this
 * module's test-jar. What the stand-in lacks is listed in ../shared/TOOLCHAIN.md; the store takes only paths that
 * the stand-in and real MongoDB both support. Its data lives as long as the instance: {@link #close()} drops it.
 *
 * <pre>
 * try (MongoStandIn mongo = MongoStandIn.start()) {
 *     MongoConfig config = mongo.config();   // a fresh database of its own
 *     ...
 * }
 * </pre>
 */
public final class MongoStandIn implements AutoCloseable {
    private final MongoServer server;
    private final InetSocketAddress address;

    private MongoStandIn(MongoServer server, InetSocketAddress address) {
        this.server = server;
        this.address = address;
    }

    /** Starts a stand-in on 127.0.0.1 and a free port. */
    public static MongoStandIn start() {
        MongoServer server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        return new MongoStandIn(server, address);
    }

    public String host() {
        return address.getHostString();
    }

    public int port() {
        return address.getPort();
    }

    /** {@code mongodb://127.0.0.1:port}. */
    public String uri() {
        return "mongodb://" + host() + ":" + port();
    }

    /** The plugin's defaults against this server, with a database of its own (a random name). */
    public MongoConfig config() {
        return MongoConfig.of(uri(), freshDatabaseName());
    }

    public static String freshDatabaseName() {
        return "engram_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /** Stops the server at once: every connection is dropped and the data is gone. */
    @Override
    public void close() {
        server.shutdownNow();
    }
}
