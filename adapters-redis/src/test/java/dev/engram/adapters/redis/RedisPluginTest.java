package dev.engram.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.application.config.ConfigSection;
import dev.engram.application.wiring.AdapterPlugin;
import dev.engram.application.wiring.PluginContext;
import dev.engram.application.wiring.PluginRegistry;
import dev.engram.application.wiring.Role;
import dev.engram.domain.error.DomainException;
import dev.engram.domain.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedisPluginTest {
    @TempDir
    Path dataDir;

    private static ConfigSection section(JsonObject values) {
        return new ConfigSection("redis", values);
    }

    @Test
    void isFoundOnTheClassPathForStorageAndBuffer() {
        PluginRegistry registry = PluginRegistry.discover(getClass().getClassLoader(), null);
        AdapterPlugin plugin = registry.require(Role.STORAGE, "redis");
        assertThat(plugin).isInstanceOf(RedisPlugin.class);
        assertThat(registry.require(Role.BUFFER, "redis")).isSameAs(plugin);
        assertThat(plugin.roles()).containsExactlyInAnyOrder(Role.STORAGE, Role.BUFFER);
    }

    @Test
    void readsItsSection_andPassesTheBufferSectionThrough() {
        RedisConfig config = RedisConfig.from(section(JsonObject.builder()
                .put("uri", "redis://h:1/2")
                .put("key_prefix", "eg")
                .put("command_timeout", "3s")
                .put("retention", "30d")
                .put("buffer", JsonObject.builder().put("batch_size", 500).build())
                .build()));
        assertThat(config.uri()).isEqualTo("redis://h:1/2");
        assertThat(config.keyPrefix()).isEqualTo("eg");
        assertThat(config.commandTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.retention()).isEqualTo(Duration.ofDays(30));
        assertThat(config.buffer().key("batch_size")).isEqualTo("redis.buffer.batch_size");
        assertThat(config.buffer().integer("batch_size", 0, 0, 10_000)).isEqualTo(500);
        assertThat(RedisConfig.from(section(JsonObject.EMPTY)).retention()).isNull();
    }

    @Test
    void refusesUnknownKeysAndBadValuesNamingThem() {
        assertThatThrownBy(() -> RedisConfig.from(section(JsonObject.builder().put("url", "x").build())))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("redis.url"));
        assertThatThrownBy(() -> RedisConfig.from(section(JsonObject.builder().put("mode", "sharded").build())))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("redis.mode"));
        assertThatThrownBy(() -> RedisConfig.from(section(JsonObject.builder().put("key_prefix", "a{b}").build())))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("redis.key_prefix"));
        assertThatThrownBy(() -> RedisConfig.from(section(JsonObject.builder().put("command_timeout", "0s").build())))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("redis.command_timeout"));
    }

    @Test
    void readsTheTiers_withSeed002sDefaults() {
        assertThat(RedisConfig.from(section(JsonObject.EMPTY)).tiers()).isEqualTo(RedisTierConfig.DEFAULTS);
        assertThat(RedisTierConfig.DEFAULTS.shortTermTtl()).isEqualTo(Duration.ofHours(24));
        assertThat(RedisTierConfig.DEFAULTS.shortTermMax()).isEqualTo(1000);
        assertThat(RedisTierConfig.DEFAULTS.intermediateTtl()).isEqualTo(Duration.ofDays(7));
        assertThat(RedisTierConfig.DEFAULTS.intermediateMax()).isEqualTo(10_000);
        RedisTierConfig tiers = RedisConfig.from(section(JsonObject.builder().put("tiers", JsonObject.builder()
                .put("short_term", JsonObject.builder().put("ttl", "1h").put("max_per_agent", 50).build())
                .put("intermediate", JsonObject.builder().put("enabled", false).build()).build()).build())).tiers();
        assertThat(tiers.shortTermTtl()).isEqualTo(Duration.ofHours(1));
        assertThat(tiers.shortTermMax()).isEqualTo(50);
        assertThat(tiers.intermediate()).isFalse();
        assertThatThrownBy(() -> RedisConfig.from(section(JsonObject.builder().put("tiers", JsonObject.builder()
                .put("short_term", JsonObject.builder().put("max", 5).build()).build()).build())))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("redis.tiers.short_term.max"));
        assertThatThrownBy(() -> RedisConfig.from(section(JsonObject.builder().put("tiers", JsonObject.builder()
                .put("intermediate", JsonObject.builder().put("max_per_agent", 0).build()).build()).build())))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("redis.tiers.intermediate.max_per_agent"));
    }

    @Test
    void theBufferSectionHasSeed002sDefaults_overridesAndNamedErrors() {
        RedisBufferConfig defaults = RedisBufferConfig.from(RedisConfig.from(section(JsonObject.EMPTY)).buffer());
        assertThat(defaults.policy()).isEqualTo(dev.engram.application.config.BufferPolicy.DEFAULTS);
        assertThat(defaults.policy().batchSize()).isEqualTo(1000);
        assertThat(defaults.policy().interval()).isEqualTo(java.time.Duration.ofSeconds(5));
        assertThat(defaults.partitions()).isEqualTo(8);

        RedisBufferConfig set = RedisBufferConfig.from(RedisConfig.from(section(JsonObject.builder().put("buffer", JsonObject.builder()
                .put("batch_size", 250).put("interval", "200ms").put("claim_idle", "30s").put("ack", "durable").put("fallback_retry", "2s")
                .put("maxlen", 5000).put("partitions", 4).put("group", "drain").build()).build())).buffer());
        assertThat(set.policy()).isEqualTo(new dev.engram.application.config.BufferPolicy(250, java.time.Duration.ofMillis(200),
                java.time.Duration.ofSeconds(30), dev.engram.application.config.BufferPolicy.Ack.DURABLE, java.time.Duration.ofSeconds(2), 5000, "drain"));
        assertThat(set.partitions()).isEqualTo(4);

        for (Object[] bad : new Object[][] {{"ack", "sometimes", "redis.buffer.ack"}, {"batch_size", 0, "redis.buffer.batch_size"},
                {"interval", "soon", "redis.buffer.interval"}, {"partitions", 0, "redis.buffer.partitions"}, {"maxlen", -1, "redis.buffer.maxlen"},
                {"flush", "5s", "redis.buffer.flush"}}) {
            JsonObject buffer = bad[1] instanceof Integer n ? JsonObject.builder().put((String) bad[0], (long) n).build()
                    : JsonObject.builder().put((String) bad[0], (String) bad[1]).build();
            PluginContext context = new PluginContext(section(JsonObject.builder().put("buffer", buffer).build()), dataDir, true);
            assertThatThrownBy(() -> new RedisPlugin().module(Role.BUFFER, context)).as("%s", bad[0])
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo(bad[2]));
        }
    }

    @Test
    void theBufferRoleBindsTheLog_thePolicy_andTheHotTier() {
        PluginContext context = new PluginContext(section(JsonObject.EMPTY), dataDir, true);
        assertThat(new RedisPlugin().module(Role.BUFFER, context)).isInstanceOf(RedisBufferModule.class);
        com.google.inject.Injector injector = com.google.inject.Guice.createInjector(new RedisBufferModule(RedisConfig.of("redis://127.0.0.1:1")),
                new com.google.inject.AbstractModule() {
                    @Override
                    protected void configure() {
                        com.google.inject.multibindings.OptionalBinder.newOptionalBinder(binder(), dev.engram.application.port.out.HotTier.class);
                        com.google.inject.multibindings.OptionalBinder.newOptionalBinder(binder(), dev.engram.application.port.out.ExperienceLog.class);
                        com.google.inject.multibindings.OptionalBinder.newOptionalBinder(binder(), dev.engram.application.config.BufferPolicy.class);
                    }
                });
        // nothing connects until used: a Redis that is down at start only makes records fall back
        assertThat(injector.getInstance(com.google.inject.Key.get(new com.google.inject.TypeLiteral<java.util.Optional<dev.engram.application.port.out.ExperienceLog>>() { })))
                .containsInstanceOf(RedisExperienceLog.class);
        assertThat(injector.getInstance(com.google.inject.Key.get(new com.google.inject.TypeLiteral<java.util.Optional<dev.engram.application.port.out.HotTier>>() { })))
                .containsInstanceOf(RedisHotTier.class);
    }

    @Test
    void keysShareOneHashTagPerNamespaceAndPerAgent_andNamesCannotBreakOut() {
        RedisKeys keys = new RedisKeys("engram");
        assertThat(keys.namespace("default").key("seq")).isEqualTo("{engram:default}:seq");
        assertThat(keys.namespace("a}b{c:d").key("seq")).isEqualTo("{engram:a%7Db%7Bc%3Ad}:seq");
        assertThat(keys.agent("st", "default", "a1").key("time")).isEqualTo("engram:st:{engram:default:a1}:time");
        assertThat(keys.namespace("default").key("t", "x:y}")).isEqualTo("{engram:default}:t:x:y}");
    }
}
