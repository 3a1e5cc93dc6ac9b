package dev.engram.adapters.sqlite;

import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * One open database file and the threads that use it. SQLite lets one connection write at a time, so all writes run
 * on one dedicated thread with the one writer connection, each in its own {@code BEGIN IMMEDIATE} transaction; reads
 * run on a small fixed pool of threads, each with a read-only connection, which WAL lets run beside the writer.
 * Callers get Reactor publishers; no JDBC call runs on a caller's thread, and results are handed on to Reactor's
 * bounded-elastic threads so that a caller blocking in its continuation cannot stall the writer.
 */
final class SqliteDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteDatabase.class);
    private static final long CLOSE_WAIT_SECONDS = 60;

    /** Work to run on a connection inside a transaction. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private final SqliteFailures failures;
    private final Connection writer;
    private final ExecutorService writerThread;
    private final Scheduler writes;
    private final BlockingQueue<Connection> readers;
    private final ExecutorService readerThreads;
    private final Scheduler reads;
    /**
     * Where results are handed back: never the writer or a reader (a caller's next step would hold them), and never
     * the shared boundedElastic, on which callers block waiting for these very results: with as many blocked callers as
     * it has threads (a server's concurrent requests), the hand-offs queued behind them would never run.
     */
    private final Scheduler results;
    private final Thread shutdownHook;
    private volatile boolean closed;

    private SqliteDatabase(SqliteFailures failures, Connection writer, List<Connection> readers) {
        this.failures = failures;
        this.writer = writer;
        this.writerThread = Executors.newSingleThreadExecutor(daemonThreads("engram-sqlite-writer"));
        this.writes = Schedulers.fromExecutorService(writerThread, "engram-sqlite-writer");
        this.readers = new ArrayBlockingQueue<>(readers.size(), false, readers);
        this.readerThreads = Executors.newFixedThreadPool(readers.size(), daemonThreads("engram-sqlite-reader"));
        this.reads = Schedulers.fromExecutorService(readerThreads, "engram-sqlite-reader");
        this.results = Schedulers.newBoundedElastic(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()), Integer.MAX_VALUE,
                "engram-sqlite-results", 60, true);
        // a process that ends without closing still checkpoints the log and releases the file cleanly
        this.shutdownHook = new Thread(this::closeFromHook, "engram-sqlite-close");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Opens the file, creating it (and its folder) only when allowed, after {@link FileInspection} found it usable;
     * brings its schema up to date. A file that cannot be used is reported and left untouched.
     */
    static SqliteDatabase open(SqliteConfig config, boolean createIfMissing) {
        Path path = config.path().toAbsolutePath().normalize();
        SqliteFailures failures = new SqliteFailures(path, config.busyTimeout());
        Connections connections = new Connections(path, config);
        boolean exists = Files.exists(path);
        if (!exists && !createIfMissing) {
            throw new DomainException(ErrorCode.NOT_FOUND, "there is no engram database at " + path);
        }
        FileInspection.Verdict verdict = exists
                ? FileInspection.inspect(path, config, connections, failures)
                : new FileInspection.Verdict(0, true);
        if (verdict.version() == 0 && !createIfMissing) {
            throw new DomainException(ErrorCode.NOT_FOUND, "there is no engram data in " + path + " yet (the file is an empty database)");
        }
        if (!verdict.writable() && verdict.version() < Schema.CURRENT_VERSION) {
            throw failures.unusable("is read-only (" + FileInspection.modeOf(path) + ") and its schema (version "
                    + verdict.version() + ") must be brought to version " + Schema.CURRENT_VERSION + " before use");
        }
        List<Connection> opened = new ArrayList<>();
        try {
            Connection writer = null;
            if (verdict.writable()) {
                if (!exists) {
                    createFolder(path, failures);
                }
                writer = connections.writer(!exists);
                opened.add(writer);
                migrate(writer, failures);
            }
            List<Connection> readers = new ArrayList<>();
            for (int i = 0; i < config.readPoolSize(); i++) {
                Connection reader = connections.reader();
                opened.add(reader);
                readers.add(reader);
            }
            return new SqliteDatabase(failures, writer, readers);
        } catch (SQLException e) {
            closeAll(opened);
            throw failures.translate(e, "open the database");
        } catch (RuntimeException e) {
            closeAll(opened);
            throw e;
        }
    }

    private static void createFolder(Path path, SqliteFailures failures) {
        try {
            Files.createDirectories(path.getParent());
        } catch (IOException e) {
            throw failures.unusable("cannot be created: its folder cannot be made (" + e.getMessage() + ")");
        }
    }

    /** Migrates inside the write lock, re-reading the version there: another process may have migrated first. */
    private static void migrate(Connection writer, SqliteFailures failures) throws SQLException {
        inTransaction(writer, "BEGIN IMMEDIATE", connection -> {
            int version;
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("PRAGMA user_version")) {
                version = row.next() ? row.getInt(1) : 0;
            }
            if (version > Schema.CURRENT_VERSION) {
                throw failures.unusable("was upgraded to schema version " + version + " by a newer engram while opening");
            }
            if (version < Schema.CURRENT_VERSION) {
                Schema.migrate(connection, version);
            }
            return null;
        });
    }

    SqliteFailures failures() {
        return failures;
    }

    /** Runs the work in one write transaction on the writer thread: all of it is committed, or none. */
    <T> Mono<T> write(String action, SqlWork<T> work) {
        if (closed) {
            return Mono.error(closedFailure(action));
        }
        if (writer == null) {
            return Mono.error(failures.unusable("is read-only (" + FileInspection.modeOf(failures.path()) + "): cannot " + action));
        }
        return Mono.fromCallable(() -> inTransaction(writer, "BEGIN IMMEDIATE", work))
                .subscribeOn(writes)
                .onErrorMap(e -> failures.map(e, action))
                .publishOn(results);
    }

    /** Runs the work in one read transaction (one consistent snapshot) on a reader thread. */
    <T> Mono<T> read(String action, SqlWork<T> work) {
        if (closed) {
            return Mono.error(closedFailure(action));
        }
        return Mono.fromCallable(() -> {
            // never empty: there are as many connections as reader threads, and each thread returns the one it took
            Connection connection = readers.take();
            try {
                return inTransaction(connection, "BEGIN", work);
            } finally {
                readers.add(connection);
            }
        }).subscribeOn(reads)
                .onErrorMap(e -> failures.map(e, action))
                .publishOn(results);
    }

    private static <T> T inTransaction(Connection connection, String begin, SqlWork<T> work) throws SQLException {
        execute(connection, begin);
        boolean committed = false;
        try {
            T result = work.run(connection);
            execute(connection, "COMMIT");
            committed = true;
            return result;
        } finally {
            if (!committed) {
                rollback(connection);
            }
        }
    }

    private static void rollback(Connection connection) {
        try {
            if (!connection.isClosed()) {
                execute(connection, "ROLLBACK");
            }
        } catch (SQLException e) {
            // SQLite already rolled back on errors that end the transaction; nothing is left open then
            LOG.debug("rollback after a failure: {}", e.getMessage());
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private DomainException closedFailure(String action) {
        return new DomainException(ErrorCode.BACKEND_UNAVAILABLE, "cannot " + action + ": the store of " + failures.path() + " is closed");
    }

    /**
     * Lets queued work finish, then closes every connection; the last one to close checkpoints the log into the
     * file. Idempotent.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it finds the database closed
        }
        shutDown();
    }

    private void closeFromHook() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        shutDown();
    }

    private void shutDown() {
        writerThread.shutdown();
        readerThreads.shutdown();
        try {
            if (!writerThread.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)
                    || !readerThreads.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("closing {}: work still running after {} s; closing the connections anyway", failures.path(), CLOSE_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Connection> all = new ArrayList<>(readers);
        if (writer != null) {
            all.add(writer); // last, so that its close checkpoints with no reader left
        }
        closeAll(all);
        results.dispose();
    }

    private static void closeAll(List<Connection> connections) {
        for (Connection connection : connections) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.warn("closing an SQLite connection failed: {}", e.getMessage());
            }
        }
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            // a command that forgets to close must still be able to exit; committed data is safe in the log
            thread.setDaemon(true);
            return thread;
        };
    }
}
