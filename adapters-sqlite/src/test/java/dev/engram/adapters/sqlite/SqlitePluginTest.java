package dev.engram.adapters.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin as a composition root sees it: found by name, configured from its section, bindings working end to end. */
class SqlitePluginTest {
    @TempDir
    Path dataDir;

    private static ConfigSection section(JsonObject values) {
        return new ConfigSection("sqlite", values);
    }

    @Test
    void isFoundOnTheClassPathAsTheStoragePlugin() {
        AdapterPlugin plugin = PluginRegistry.discover(getClass().getClassLoader(), null).require(Role.STORAGE, "sqlite");
        assertThat(plugin).isInstanceOf(SqlitePlugin.class);
        assertThat(plugin.roles()).containsExactly(Role.STORAGE);
    }

    @Test
    void bindsBothStoresToOneFile_endToEnd() throws Exception {
        PluginContext context = new PluginContext(section(JsonObject.builder().put("busy_timeout", "2s").build()), dataDir, true);
        Injector injector = Guice.createInjector(new SqlitePlugin().module(Role.STORAGE, context));
        TrajectoryStore trajectories = injector.getInstance(TrajectoryStore.class);
        MemoryStore memories = injector.getInstance(MemoryStore.class);
        try {
            assertThat(injector.getInstance(TrajectoryStore.class)).isSameAs(trajectories);
            assertThat(trajectories.upsert("default", List.of(Trajectories.plain("t1").build()), true).block())
                    .extracting(UpsertOutcome::status).containsExactly(UpsertOutcome.Status.INSERTED);
            assertThat(trajectories.get("default", "t1").block()).isEqualTo(Trajectories.plain("t1").build());
            assertThat(memories.save("default", "agent", 0, JsonObject.EMPTY).block()).isEqualTo(1L);
            assertThat(dataDir.resolve(SqliteConfig.FILE_NAME)).isRegularFile();
        } finally {
            ((AutoCloseable) trajectories).close();
        }
    }

    @Test
    void aMissingFileIsNotCreatedByAReadOnlyContext_andIsReportedOnFirstUse() {
        PluginContext context = new PluginContext(section(JsonObject.EMPTY), dataDir.resolve("nothing-here"), false);
        Injector injector = Guice.createInjector(new SqlitePlugin().module(Role.STORAGE, context));
        assertThatThrownBy(() -> injector.getInstance(TrajectoryStore.class))
                .isInstanceOf(ProvisionException.class)
                .cause().isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThat(dataDir.resolve("nothing-here")).doesNotExist();
    }

    @Test
    void refusesAnUnknownKeyNamingIt() {
        PluginContext context = new PluginContext(section(JsonObject.builder().put("buzy_timeout", "2s").build()), dataDir, true);
        assertThatThrownBy(() -> new SqlitePlugin().module(Role.STORAGE, context))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("sqlite.buzy_timeout"));
    }

    @Test
    void servesNoOtherRole() {
        PluginContext context = new PluginContext(section(JsonObject.EMPTY), dataDir, true);
        assertThatThrownBy(() -> new SqlitePlugin().module(Role.BUFFER, context)).isInstanceOf(DomainException.class);
    }
}
