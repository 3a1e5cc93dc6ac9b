package dev.engram.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.engram.adapters.redis.harness.RedisServers;
import dev.engram.application.port.out.HotTier;
import dev.engram.application.port.out.TrajectoryStore;
import dev.engram.application.service.TieredTrajectoryStore;
import dev.engram.domain.trajectory.Trajectory;
import dev.engram.testkit.InMemoryTrajectoryStore;
import dev.engram.testkit.TrajectoryStoreContract;
import dev.engram.testkit.Trajectories;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** A long-term store with the Redis hot tier in front passes the store contract; the levels expire on their own. */
class RedisTieredTrajectoryStoreIT extends TrajectoryStoreContract {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private RedisBackend backend;

    private RedisConfig config() {
        return RedisConfig.of(RedisServers.shared().uri()).withKeyPrefix("x" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Override
    protected TrajectoryStore createStore() {
        backend = new RedisBackend(config());
        // small caps, so that the contract's fleets overflow them: the tier drops copies, the store keeps everything
        return new TieredTrajectoryStore(new InMemoryTrajectoryStore(), new RedisHotTier(backend, RedisTierConfig.DEFAULTS.withCaps(2, 5)));
    }

    @AfterEach
    void close() {
        backend.close();
    }

    @Test
    void theShortTermLevelExpiresFirst_theIntermediateOneStillAnswers() {
        RedisHotTier tier = new RedisHotTier(backend, new RedisTierConfig(Duration.ofMillis(1500), 10, true, Duration.ofDays(1), 20));
        Trajectory t = Trajectories.plain("t1").loss(0.2).build();
        tier.put("ns", List.of(t)).block(WAIT);
        String shortTerm = backend.keys().tier("st", "ns").key("b", "t1");
        String intermediate = backend.keys().tier("it", "ns").key("b", "t1");
        assertThat(backend.commands().exists(shortTerm, intermediate).block(WAIT)).isEqualTo(2);
        // the intermediate copy is deflated
        assertThat(backend.commands().get(intermediate).block(WAIT)).hasSizeLessThan(backend.commands().get(shortTerm).block(WAIT).length);
        // Redis expires the short-term copy after its 1.5 s: ask until it is gone (at most ten seconds)
        Long left = Mono.defer(() -> backend.commands().exists(shortTerm)).filter(n -> n == 0)
                .repeatWhenEmpty(100, attempts -> attempts.delayElements(Duration.ofMillis(100)))
                .block(WAIT.multipliedBy(2));
        assertThat(left).isZero();
        assertThat(tier.getAll("ns", List.of("t1")).collectList().block(WAIT)).containsExactly(t);
        assertThat(tier.recent("ns", "agent", 5).collectList().block(WAIT)).containsExactly(t);
    }

    @Test
    void theTierModuleFillsTheOptionalBinding() {
        Optional<HotTier> bound = Guice.createInjector(new RedisHotTierModule(config()))
                .getInstance(Key.get(new TypeLiteral<Optional<HotTier>>() { }));
        assertThat(bound).containsInstanceOf(RedisHotTier.class);
        ((RedisHotTier) bound.get()).close();
    }
}
