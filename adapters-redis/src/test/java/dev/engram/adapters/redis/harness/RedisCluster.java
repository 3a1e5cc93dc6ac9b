package dev.engram.adapters.redis.harness;

import java.util.List;
import java.util.stream.Collectors;

/** A local Redis Cluster of masters started by {@link RedisServers#startCluster(int)}; closing stops them all. */
public final class RedisCluster implements AutoCloseable {
    private final List<RedisServer> nodes;

    RedisCluster(List<RedisServer> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    public List<RedisServer> nodes() {
        return nodes;
    }

    /** The first node's URI (the cluster client discovers the others from it). */
    public String uri() {
        return nodes.get(0).uri();
    }

    /** Every node's URI. */
    public List<String> uris() {
        return nodes.stream().map(RedisServer::uri).collect(Collectors.toList());
    }

    @Override
    public void close() {
        nodes.forEach(RedisServer::close);
    }

    @Override
    public String toString() {
        return "redis cluster " + uris();
    }
}
