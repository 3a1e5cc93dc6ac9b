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
    void theBufferRoleIsNotYetThere() {
        PluginContext context = new PluginContext(section(JsonObject.EMPTY), dataDir, true);
        assertThatThrownBy(() -> new RedisPlugin().module(Role.BUFFER, context))
                .isInstanceOf(DomainException.class).hasMessageContaining("not yet");
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
