package dev.engram.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.application.config.EngramSettings;
import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import dev.engram.runtime.EngramRuntime;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The configuration examples of examples/config read as they say: the embedded one whole, the others naming their plugin. */
class ExampleConfigsTest {
    private static final Path EXAMPLES = Path.of("..", "examples", "config");

    @TempDir
    Path dir;

    private EngramRuntime.Options options(String file) {
        return new EngramRuntime.Options(EXAMPLES.resolve(file), Map.of(), Map.of("data_dir", dir.resolve("data").toString()), false);
    }

    @Test
    void theEmbeddedExampleIsValidAndSaysTheDefaults() {
        EngramSettings settings = EngramRuntime.settings(options("embedded.yaml"));
        assertThat(settings.storage()).isEqualTo("sqlite");
        assertThat(settings.buffer()).isNull();
        assertThat(settings.consolidator()).isEqualTo("heuristic");
        assertThat(settings.tokenizer()).isEqualTo("o200k_base");
        // valid through to the plugin: what stops it is only that there is no data yet
        assertThatThrownBy(() -> EngramRuntime.start(options("embedded.yaml"))).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    void theOpenAiExampleIsValidThroughToThePlugin() {
        EngramSettings settings = EngramRuntime.settings(options("embedded-openai.yaml"));
        assertThat(settings.consolidator()).isEqualTo("openai");
        // the plugin accepts its section; what stops it is only that there is no data yet
        assertThatThrownBy(() -> EngramRuntime.start(options("embedded-openai.yaml"))).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    void theRedisOnlyExampleIsValidThroughToThePlugin() {
        EngramSettings settings = EngramRuntime.settings(options("redis-only.yaml"));
        assertThat(settings.storage()).isEqualTo("redis");
        assertThat(settings.buffer()).isNull();
        // nothing listens where it points in the test (the server is started by RedisOnlyEndToEndIT): the plugin
        // read its whole section, and what stops it is that Redis is not there
        EngramRuntime.Options unreachable = new EngramRuntime.Options(EXAMPLES.resolve("redis-only.yaml"),
                Map.of("ENGRAM_REDIS__URI", "redis://127.0.0.1:1", "ENGRAM_REDIS__CONNECT_TIMEOUT", "2s"),
                Map.of("data_dir", dir.resolve("data").toString()), false);
        assertThatThrownBy(() -> EngramRuntime.start(unreachable).close()).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BACKEND_UNAVAILABLE));
    }

    @Test
    void theRedisSqliteExampleIsValidThroughToBothPlugins() {
        EngramSettings settings = EngramRuntime.settings(options("redis-sqlite.yaml"));
        assertThat(settings.storage()).isEqualTo("sqlite");
        assertThat(settings.buffer()).isEqualTo("redis");
        // both plugins read their whole sections (redis.buffer, redis.tiers); what stops it is only that there is no data yet
        assertThatThrownBy(() -> EngramRuntime.start(options("redis-sqlite.yaml"))).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        EngramRuntime.Options create = new EngramRuntime.Options(EXAMPLES.resolve("redis-sqlite.yaml"),
                Map.of("ENGRAM_REDIS__URI", "redis://127.0.0.1:1"), Map.of("data_dir", dir.resolve("data").toString()), true);
        try (EngramRuntime runtime = EngramRuntime.start(create)) {
            assertThat(runtime.services().buffered()).isTrue();
        }
    }

    @ParameterizedTest
    @CsvSource({"mongo-only.yaml, storage, mongo", "redis-mongo.yaml, storage, mongo"})
    void theOthersNeedThePluginOfALaterIssue_andSaySo(String file, String role, String plugin) {
        assertThatThrownBy(() -> EngramRuntime.start(options(file))).isInstanceOf(DomainException.class)
                .hasMessageStartingWith(role + ": no plugin named '" + plugin + "' was found");
    }
}
