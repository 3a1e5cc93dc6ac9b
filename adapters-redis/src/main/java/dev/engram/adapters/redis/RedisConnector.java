package dev.engram.adapters.redis;

import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Opens one shared connection from a {@link RedisConfig}: a single server (password or ACL user and password, TLS
 * with {@code rediss://}, a database number), a Sentinel-monitored master ({@code redis-sentinel://}), or a Redis
 * Cluster. Both kinds offer the same {@link RedisClusterReactiveCommands} (keys are UTF-8 text, values bytes), so
 * the stores do not care which it is; in a cluster every multi-key command and script the stores send stays in
 * one hash slot (see {@link RedisKeys}).
 *
 * <p>Commands time out after {@code command_timeout}. To one server, while the connection is down they are refused
 * at once rather than queued (so a caller learns "backend unavailable" quickly); the connection re-establishes
 * itself. In a cluster they wait (up to the timeout) for the connection to their node: the cluster client opens
 * node connections lazily, and refusing would fail every first command to a node.
 */
final class RedisConnector {
    private RedisConnector() {
    }

    /** An open connection; {@link #close()} releases it and the client's threads. */
    interface Connection extends AutoCloseable {
        RedisClusterReactiveCommands<String, byte[]> commands();

        boolean cluster();

        @Override
        void close();
    }

    static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    /** Connects now; an unreachable server is a {@link DomainException} with code backend_unavailable. */
    public static Connection connect(RedisConfig config) {
        RedisURI uri = parse(config.uri(), "redis.uri");
        uri.setTimeout(config.commandTimeout());
        boolean sentinel = !uri.getSentinels().isEmpty();
        if (sentinel && config.mode() == RedisConfig.Mode.CLUSTER) {
            throw DomainException.invalidArgument("redis.mode", "a Sentinel URI (redis-sentinel://) names one master, not a cluster");
        }
        ClientResources resources = DefaultClientResources.builder().build();
        try {
            boolean cluster = config.mode() == RedisConfig.Mode.CLUSTER
                    || (config.mode() == RedisConfig.Mode.AUTO && !sentinel && isClusterNode(resources, uri, config));
            return cluster ? cluster(resources, uri, config) : standalone(resources, uri, config);
        } catch (RuntimeException e) {
            resources.shutdown(0, 2, TimeUnit.SECONDS);
            throw e instanceof DomainException d ? d : unavailable(config, e);
        }
    }

    static RedisURI parse(String text, String key) {
        try {
            return RedisURI.create(text);
        } catch (IllegalArgumentException e) { // Lettuce: a bad scheme, authority, database (NumberFormatException) or sentinel
            throw DomainException.invalidArgument(key, "must be a Redis URI like redis://[user:password@]host:6379[/db], "
                    + "rediss:// for TLS, or redis-sentinel://host:26379/0#master, got '" + redacted(text) + "': " + e.getMessage());
        }
    }

    private static ClientOptions.DisconnectedBehavior reject() {
        return ClientOptions.DisconnectedBehavior.REJECT_COMMANDS;
    }

    private static SocketOptions socket(RedisConfig config) {
        return SocketOptions.builder().connectTimeout(config.connectTimeout()).keepAlive(true).build();
    }

    private static boolean isClusterNode(ClientResources resources, RedisURI uri, RedisConfig config) {
        RedisClient probe = RedisClient.create(resources, uri);
        probe.setOptions(ClientOptions.builder().socketOptions(socket(config)).timeoutOptions(TimeoutOptions.enabled(config.commandTimeout())).build());
        try (StatefulRedisConnection<String, String> connection = probe.connect()) {
            String info = connection.sync().info("cluster");
            return info != null && info.contains("cluster_enabled:1");
        } catch (io.lettuce.core.RedisCommandExecutionException e) {
            // a user without the right to INFO (NOPERM): not told it is a cluster, so treat it as one server
            // (mode: cluster says otherwise)
            return false;
        } finally {
            probe.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    private static Connection standalone(ClientResources resources, RedisURI uri, RedisConfig config) {
        RedisClient client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .socketOptions(socket(config))
                .timeoutOptions(TimeoutOptions.enabled(config.commandTimeout()))
                .disconnectedBehavior(reject())
                .autoReconnect(true)
                .build());
        StatefulRedisConnection<String, byte[]> connection = connectOrShutDown(client, () -> client.connect(CODEC, uri));
        return new Opened(connection.reactive(), false, closer(connection, client, resources));
    }

    private static Connection cluster(ClientResources resources, RedisURI uri, RedisConfig config) {
        if (uri.getDatabase() != 0) {
            throw DomainException.invalidArgument("redis.uri", "a Redis Cluster has only database 0, got database " + uri.getDatabase());
        }
        List<RedisURI> seeds = new ArrayList<>();
        seeds.add(uri);
        for (String seed : config.clusterSeeds()) {
            RedisURI parsed = parse(seed, "redis.cluster_seeds");
            parsed.setTimeout(config.commandTimeout());
            seeds.add(parsed);
        }
        RedisClusterClient client = RedisClusterClient.create(resources, seeds);
        client.setOptions(ClusterClientOptions.builder()
                .socketOptions(socket(config))
                .timeoutOptions(TimeoutOptions.enabled(config.commandTimeout()))
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.ACCEPT_COMMANDS)
                .autoReconnect(true)
                .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                        .enableAllAdaptiveRefreshTriggers()
                        .enablePeriodicRefresh(Duration.ofSeconds(30))
                        .build())
                .build());
        StatefulRedisClusterConnection<String, byte[]> connection = connectOrShutDown(client, () -> client.connect(CODEC));
        return new Opened(connection.reactive(), true, closer(connection, client, resources));
    }

    private static <C> C connectOrShutDown(AbstractRedisClient client, Supplier<C> connect) {
        try {
            return connect.get();
        } catch (RuntimeException e) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            throw e;
        }
    }

    private static Runnable closer(AutoCloseable connection, AbstractRedisClient client, ClientResources resources) {
        return () -> {
            try {
                connection.close();
            } catch (Exception e) {
                // closing a broken connection: nothing to do
            }
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            resources.shutdown(0, 2, TimeUnit.SECONDS);
        };
    }

    private static DomainException unavailable(RedisConfig config, RuntimeException e) {
        String reason = e instanceof RedisException && e.getCause() != null ? e.getMessage() + ": " + e.getCause().getMessage() : e.getMessage();
        return new DomainException(ErrorCode.BACKEND_UNAVAILABLE, "redis at " + redacted(config.uri()) + " is unavailable: " + reason);
    }

    /** The URI without its password, for messages and logs. */
    public static String redacted(String uri) {
        return uri.replaceAll("(://[^:@/]*:)[^@/]*@", "$1***@").replaceAll("(://)([^:@/]+)@", "$1***@");
    }

    private record Opened(RedisClusterReactiveCommands<String, byte[]> commands, boolean cluster, Runnable closer) implements Connection {
        Opened {
            Objects.requireNonNull(commands, "commands");
        }

        @Override
        public void close() {
            closer.run();
        }
    }
}
