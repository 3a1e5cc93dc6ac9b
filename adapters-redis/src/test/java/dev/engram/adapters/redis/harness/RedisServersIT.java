package dev.engram.adapters.redis.harness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The harness itself: servers start on their own ports, persist only when asked, and survive restarts as configured. */
class RedisServersIT {
    @Test
    void aPlainServerKeepsNothingAcrossARestart() throws Exception {
        try (RedisServer redis = RedisServers.start()) {
            assertThat(redis.port()).isNotEqualTo(6379);
            assertThat(redis.command("SET", "k", "v")).isEqualTo("+OK");
            redis.shutdown();
            assertThat(redis.running()).isFalse();
            redis.restart();
            assertThat(redis.command("GET", "k")).isEqualTo("$-1");
        }
    }

    @Test
    void withAofAlwaysAKilledServerComesBackWithItsWrites() throws Exception {
        try (RedisServer redis = RedisServers.start(RedisServers.Options.aof("always"))) {
            int port = redis.port();
            assertThat(redis.command("SET", "k", "v")).isEqualTo("+OK");
            redis.kill();
            assertThat(redis.running()).isFalse();
            redis.restart();
            assertThat(redis.port()).isEqualTo(port);
            assertThat(redis.command("GET", "k")).isEqualTo("v");
        }
    }

    @Test
    void aClusterOfThreeMastersIsReady() throws Exception {
        try (RedisCluster cluster = RedisServers.startCluster(3)) {
            assertThat(cluster.nodes()).hasSize(3);
            for (RedisServer node : cluster.nodes()) {
                String info = node.command("CLUSTER", "INFO");
                assertThat(info).contains("cluster_state:ok").contains("cluster_known_nodes:3");
            }
        }
    }

    @Test
    void theSharedServersAreOneForTheJvm() {
        assertThat(RedisServers.sharedCluster()).isSameAs(RedisServers.sharedCluster());
        assertThat(RedisServers.shared()).isSameAs(RedisServers.shared());
        assertThat(RedisServers.shared().running()).isTrue();
    }
}
