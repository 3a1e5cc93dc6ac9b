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

    @ParameterizedTest
    @CsvSource({"redis-only.yaml, storage, redis", "mongo-only.yaml, storage, mongo", "redis-mongo.yaml, storage, mongo"})
    void theOthersNeedThePluginOfALaterIssue_andSaySo(String file, String role, String plugin) {
        assertThatThrownBy(() -> EngramRuntime.start(options(file))).isInstanceOf(DomainException.class)
                .hasMessageStartingWith(role + ": no plugin named '" + plugin + "' was found");
    }
}
