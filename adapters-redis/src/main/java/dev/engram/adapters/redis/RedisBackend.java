package dev.engram.adapters.redis;

import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What every Redis-backed port of the plugin shares: the connection (opened on first use, so that building an
 * injector touches nothing), the key layout, and the translation of connection failures into engram's
 * "backend unavailable". Closing it closes the connection.
 */
final class RedisBackend implements AutoCloseable {
    private final RedisConfig config;
    private final RedisKeys keys;
    private volatile RedisConnector.Connection connection;
    private boolean closed;

    public RedisBackend(RedisConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.keys = new RedisKeys(config.keyPrefix());
    }

    public RedisConfig config() {
        return config;
    }

    public RedisKeys keys() {
        return keys;
    }

    /** The shared reactive commands (single server, Sentinel master or cluster alike); connects on first call. */
    public RedisClusterReactiveCommands<String, byte[]> commands() {
        return open().commands();
    }

    /** Whether the connection is to a Redis Cluster. */
    public boolean cluster() {
        return open().cluster();
    }

    private RedisConnector.Connection open() {
        RedisConnector.Connection current = connection;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the redis backend is closed");
            }
            if (connection == null) {
                connection = RedisConnector.connect(config);
            }
            return connection;
        }
    }

    /** {@code mono} with connection failures and timeouts reported as backend_unavailable, naming {@code what}. */
    public <T> Mono<T> guard(Mono<T> mono, String what) {
        return Mono.defer(() -> mono).onErrorMap(RedisBackend::isUnavailable, e -> unavailable(what, e));
    }

    /** {@code flux} with connection failures and timeouts reported as backend_unavailable, naming {@code what}. */
    public <T> Flux<T> guard(Flux<T> flux, String what) {
        return Flux.defer(() -> flux).onErrorMap(RedisBackend::isUnavailable, e -> unavailable(what, e));
    }

    private DomainException unavailable(String what, Throwable e) {
        return new DomainException(ErrorCode.BACKEND_UNAVAILABLE,
                "redis at " + RedisConnector.redacted(config.uri()) + " is unavailable (" + what + "): " + e.getMessage());
    }

    /**
     * Whether an error means the server cannot be used right now (as opposed to a bug or bad data): no connection,
     * a timeout, or a server that refuses writes for a while (loading, out of memory, a replica, a cluster without
     * quorum or in the middle of moving a slot).
     */
    public static boolean isUnavailable(Throwable e) {
        if (e instanceof DomainException) {
            return false;
        }
        if (e instanceof RedisConnectionException || e instanceof RedisCommandTimeoutException || e instanceof TimeoutException
                || e instanceof IOException) {
            return true;
        }
        if (e instanceof RedisCommandExecutionException) {
            String message = String.valueOf(e.getMessage());
            for (String code : new String[] {"LOADING", "OOM", "READONLY", "CLUSTERDOWN", "TRYAGAIN", "MASTERDOWN", "BUSY", "NOREPLICAS"}) {
                if (message.startsWith(code)) {
                    return true;
                }
            }
            return false;
        }
        if (e instanceof RedisException) {
            // "Connection closed", "Connection is closed", "Currently not connected" (commands refused while down)
            String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
            return message.contains("connect") || message.contains("closed") || e.getCause() instanceof IOException;
        }
        return e.getCause() != null && e.getCause() != e && isUnavailable(e.getCause());
    }

    @Override
    public void close() {
        RedisConnector.Connection current;
        synchronized (this) {
            closed = true;
            current = connection;
            connection = null;
        }
        if (current != null) {
            current.close();
        }
    }
}
