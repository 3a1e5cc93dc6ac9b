package dev.engram.adapters.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import com.mongodb.ReadPreference;
import com.mongodb.WriteConcern;
import dev.engram.adapters.mongo.harness.MongoStandIn;
import dev.engram.application.config.ConfigSection;
import dev.engram.application.port.out.MemoryStore;
import dev.engram.application.port.out.TrajectoryStore;
import dev.engram.application.port.out.UpsertOutcome;
import dev.engram.application.wiring.AdapterPlugin;
import dev.engram.application.wiring.PluginContext;
import dev.engram.application.wiring.PluginRegistry;
import dev.engram.application.wiring.Role;
import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import dev.engram.domain.json.JsonObject;
import dev.engram.testkit.Trajectories;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MongoPluginTest {
    @TempDir
    Path dataDir;

    private static ConfigSection section(JsonObject values) {
        return new ConfigSection("mongo", values);
    }

    @Test
    void isFoundOnTheClassPathForStorageOnly() {
        PluginRegistry registry = PluginRegistry.discover(getClass().getClassLoader(), null);
        AdapterPlugin plugin = registry.require(Role.STORAGE, "mongo");
        assertThat(plugin).isInstanceOf(MongoPlugin.class);
        assertThat(plugin.roles()).containsExactly(Role.STORAGE);
        assertThatThrownBy(() -> plugin.module(Role.BUFFER, new PluginContext(section(JsonObject.EMPTY), dataDir, true)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("buffer"));
    }

    @Test
    void readsItsSection_withMajorityWritesAndPrimaryStatisticsByDefault() {
        MongoConfig defaults = MongoConfig.from(section(JsonObject.EMPTY));
        assertThat(defaults.uri()).isEqualTo("mongodb://localhost:27017");
        assertThat(defaults.database()).isEqualTo("engram");
        assertThat(defaults.writeConcern()).isEqualTo(WriteConcern.MAJORITY);
        assertThat(defaults.statisticsReadPreference()).isEqualTo(ReadPreference.primary());
        assertThat(defaults.ttl()).isNull();

        MongoConfig config = MongoConfig.from(section(JsonObject.builder()
                .put("uri", "mongodb://u:secret@h1:27017,h2:27017/fromuri?replicaSet=rs0&tls=true&authSource=admin")
                .put("statistics_read_preference", "secondaryPreferred")
                .put("write_concern", "w1")
                .put("collection_prefix", "eg")
                .put("command_timeout", "5s")
                .put("ttl", "90d")
                .build()));
        assertThat(config.database()).isEqualTo("fromuri");
        assertThat(config.writeConcern()).isEqualTo(WriteConcern.W1);
        assertThat(config.statisticsReadPreference()).isEqualTo(ReadPreference.secondaryPreferred());
        assertThat(config.collectionPrefix()).isEqualTo("eg");
        assertThat(config.commandTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.ttl()).isEqualTo(Duration.ofDays(90));
        assertThat(config.redactedUri()).doesNotContain("secret").contains("u:****@");
        // the URI's own write concern holds when the section names none
        assertThat(MongoConfig.from(section(JsonObject.builder().put("uri", "mongodb://h/?w=2").build())).writeConcern())
                .isEqualTo(new WriteConcern(2));
    }

    @Test
    void refusesUnknownKeysAndBadValuesNamingThem() {
        for (String[] bad : new String[][] {{"url", "x", "mongo.url"}, {"uri", "http://nope", "mongo.uri"}, {"uri", " ", "mongo.uri"},
            {"database", "a/b", "mongo.database"}, {"write_concern", "most", "mongo.write_concern"},
            {"statistics_read_preference", "closest", "mongo.statistics_read_preference"}, {"collection_prefix", "a.b", "mongo.collection_prefix"},
            {"command_timeout", "0s", "mongo.command_timeout"}, {"ttl", "soon", "mongo.ttl"}}) {
            assertThatThrownBy(() -> MongoConfig.from(section(JsonObject.builder().put(bad[0], bad[1]).build())))
                    .as("%s: %s", bad[0], bad[1])
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo(bad[2]));
        }
    }

    @Test
    void bindsBothStoresToOneServer() {
        try (MongoStandIn mongo = MongoStandIn.start()) {
            MongoConfig config = mongo.config();
            JsonObject values = JsonObject.builder().put("uri", mongo.uri()).put("database", config.database()).build();
            Injector injector = Guice.createInjector(new MongoPlugin().module(Role.STORAGE, new PluginContext(section(values), dataDir, true)));
            TrajectoryStore trajectories = injector.getInstance(TrajectoryStore.class);
            MemoryStore memory = injector.getInstance(MemoryStore.class);
            assertThat(trajectories.upsert("ns", List.of(Trajectories.plain("t1").build()), true).block(Duration.ofSeconds(30)))
                    .extracting(UpsertOutcome::status).containsExactly(UpsertOutcome.Status.INSERTED);
            assertThat(memory.save("ns", "agent", 0, JsonObject.EMPTY).block(Duration.ofSeconds(30))).isEqualTo(1L);
            injector.getInstance(MongoBackend.class).close();
        }
    }

    @Test
    void anUnreachableServerIsBackendUnavailableAtStart() {
        JsonObject values = JsonObject.builder().put("uri", "mongodb://127.0.0.1:1").put("connect_timeout", "1s").build();
        Injector injector = Guice.createInjector(new MongoPlugin().module(Role.STORAGE, new PluginContext(section(values), dataDir, true)));
        assertThatThrownBy(() -> injector.getInstance(TrajectoryStore.class)).isInstanceOfSatisfying(ProvisionException.class,
                e -> assertThat(e.getCause()).isInstanceOfSatisfying(DomainException.class, d -> {
                    assertThat(d.code()).isEqualTo(ErrorCode.BACKEND_UNAVAILABLE);
                    assertThat(d.getMessage()).contains("mongodb at mongodb://127.0.0.1:1 is unavailable");
                }));
    }
}
