package dev.engram.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.engram.adapters.redis.harness.RedisServers;
import dev.engram.application.config.ConfigSection;
import dev.engram.application.port.out.MemoryStore;
import dev.engram.application.port.out.TrajectoryStore;
import dev.engram.application.port.out.UpsertOutcome;
import dev.engram.application.wiring.PluginContext;
import dev.engram.application.wiring.Role;
import dev.engram.domain.json.JsonObject;
import dev.engram.testkit.Trajectories;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The storage role as a composition root sees it: configured from its section, both stores bound to one connection. */
class RedisPluginIT {
    @TempDir
    Path dataDir;

    @Test
    void bindsBothStoresToOneRedis_endToEnd() throws Exception {
        JsonObject section = JsonObject.builder().put("uri", RedisServers.shared().uri())
                .put("key_prefix", "p" + UUID.randomUUID().toString().substring(0, 8)).put("command_timeout", "5s").build();
        Injector injector = Guice.createInjector(new RedisPlugin().module(Role.STORAGE, new PluginContext(new ConfigSection("redis", section), dataDir, true)));
        TrajectoryStore trajectories = injector.getInstance(TrajectoryStore.class);
        MemoryStore memories = injector.getInstance(MemoryStore.class);
        try {
            assertThat(injector.getInstance(TrajectoryStore.class)).isSameAs(trajectories);
            assertThat(trajectories.upsert("default", List.of(Trajectories.plain("t1").build()), true).block())
                    .extracting(UpsertOutcome::status).containsExactly(UpsertOutcome.Status.INSERTED);
            assertThat(trajectories.get("default", "t1").block()).isEqualTo(Trajectories.plain("t1").build());
            assertThat(memories.save("default", "agent", 0, JsonObject.EMPTY).block()).isEqualTo(1L);
            assertThat(dataDir).isEmptyDirectory(); // nothing of the store lives in the data dir
        } finally {
            ((AutoCloseable) trajectories).close();
        }
    }
}
