package dev.engram.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.adapters.redis.harness.RedisCluster;
import dev.engram.adapters.redis.harness.RedisServer;
import dev.engram.adapters.redis.harness.RedisServers;
import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/** Connecting by URI: password and ACL users, database numbers, a cluster, and a server that is not there. */
class RedisConnectorIT {
    @Test
    void connectsToOneServerAndUsesTheDatabaseTheUriNames() throws Exception {
        try (RedisServer redis = RedisServers.start();
             RedisBackend backend = new RedisBackend(RedisConfig.of(redis.uri() + "/3"))) {
            assertThat(backend.cluster()).isFalse();
            backend.commands().set("k", "v".getBytes(StandardCharsets.UTF_8)).block();
            assertThat(redis.command("SELECT", "3")).isEqualTo("+OK");
            assertThat(redis.command("DBSIZE")).isEqualTo(":0"); // each inline command is a new connection, on db 0
            assertThat(new String(backend.commands().get("k").block(), StandardCharsets.UTF_8)).isEqualTo("v");
            assertThat(backend.commands().dbsize().block()).isEqualTo(1L);
        }
    }

    @Test
    void authenticatesWithAPasswordAndWithAnAclUser() throws Exception {
        try (RedisServer redis = RedisServers.start(RedisServers.Options.memory().with("--requirepass", "s3cret"))) {
            try (RedisBackend backend = new RedisBackend(RedisConfig.of("redis://s3cret@127.0.0.1:" + redis.port()))) {
                assertThat(backend.commands().ping().block()).isEqualTo("PONG");
            }
            try (RedisBackend wrong = new RedisBackend(RedisConfig.of("redis://wrong@127.0.0.1:" + redis.port()))) {
                assertThatThrownBy(wrong::commands)
                        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BACKEND_UNAVAILABLE))
                        .hasMessageNotContaining("wrong@");
            }
        }
        try (RedisServer redis = RedisServers.start()) {
            try (RedisBackend admin = new RedisBackend(RedisConfig.of(redis.uri()))) {
                admin.commands().aclSetuser("engram", io.lettuce.core.AclSetuserArgs.Builder.on().addPassword("pw").allKeys().allCommands()).block();
            }
            try (RedisBackend backend = new RedisBackend(RedisConfig.of("redis://engram:pw@127.0.0.1:" + redis.port()))) {
                assertThat(backend.commands().aclWhoami().block()).isEqualTo("engram");
            }
        }
    }

    @Test
    void findsOutByItselfThatTheServerIsAClusterNode() {
        try (RedisCluster cluster = RedisServers.startCluster(3);
             RedisBackend backend = new RedisBackend(RedisConfig.of(cluster.uri()))) {
            assertThat(backend.cluster()).isTrue();
            for (int i = 0; i < 50; i++) {
                backend.commands().set("key" + i, new byte[] {(byte) i}).block();
            }
            for (int i = 0; i < 50; i++) {
                assertThat(backend.commands().get("key" + i).block()).containsExactly((byte) i);
            }
            assertThatThrownBy(() -> RedisConnector.connect(RedisConfig.of(cluster.uri() + "/2").withMode(RedisConfig.Mode.CLUSTER)))
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("redis.uri"))
                    .hasMessageContaining("only database 0");
        }
    }

    @Test
    void aServerThatIsNotThereIsBackendUnavailable() {
        RedisServer gone = RedisServers.start();
        String uri = gone.uri();
        gone.close();
        try (RedisBackend backend = new RedisBackend(RedisConfig.of(uri).withMode(RedisConfig.Mode.STANDALONE))) {
            assertThatThrownBy(backend::commands)
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BACKEND_UNAVAILABLE))
                    .hasMessageContaining(uri);
        }
    }

    @Test
    void guardTurnsALostConnectionIntoBackendUnavailable_andTheConnectionComesBack() {
        try (RedisServer redis = RedisServers.start();
             RedisBackend backend = new RedisBackend(RedisConfig.of(redis.uri()).withCommandTimeout(Duration.ofSeconds(2)))) {
            assertThat(backend.guard(backend.commands().ping(), "pinging").block()).isEqualTo("PONG");
            redis.kill();
            assertThatThrownBy(() -> backend.guard(backend.commands().ping(), "pinging").block())
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BACKEND_UNAVAILABLE))
                    .hasMessageContaining("pinging");
            redis.restart();
            // the client reconnects by itself: ask again (for up to ten seconds) until it has
            String pong = Mono.defer(() -> backend.guard(backend.commands().ping(), "pinging"))
                    .retryWhen(Retry.fixedDelay(100, Duration.ofMillis(100)).filter(DomainException.class::isInstance))
                    .block();
            assertThat(pong).isEqualTo("PONG");
        }
    }

    @Test
    void redactsPasswordsInMessages() {
        assertThat(RedisConnector.redacted("redis://user:pw@host:6379/0")).isEqualTo("redis://user:***@host:6379/0");
        assertThat(RedisConnector.redacted("rediss://pw@host")).isEqualTo("rediss://***@host");
        assertThat(RedisConnector.redacted("redis://host:6379")).isEqualTo("redis://host:6379");
    }

    @Test
    void aBadUriNamesTheKey() {
        assertThatThrownBy(() -> RedisConnector.connect(RedisConfig.of("http://localhost")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("redis.uri"));
    }
}
