package dev.engram.adapters.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.engram.application.config.ConfigSection;
import dev.engram.application.port.out.Consolidator;
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

/** The plugin as a composition root sees it: found by name, configured from its section, nothing contacted at start. */
class OpenAiPluginTest {
    @TempDir
    Path dataDir;

    private PluginContext context(JsonObject values) {
        return new PluginContext(new ConfigSection(OpenAiConfig.SECTION, values), dataDir, false);
    }

    @Test
    void isFoundOnTheClassPathAsTheConsolidatorPlugin() {
        AdapterPlugin plugin = PluginRegistry.discover(getClass().getClassLoader(), null).require(Role.CONSOLIDATOR, "openai");
        assertThat(plugin).isInstanceOf(OpenAiPlugin.class);
        assertThat(plugin.roles()).containsExactly(Role.CONSOLIDATOR);
    }

    @Test
    void bindsTheConsolidatorOnce_withoutContactingTheEndpoint() {
        // port 9 (discard) on loopback: building the injector and the consolidator must not connect anywhere
        Injector injector = Guice.createInjector(new OpenAiPlugin().module(Role.CONSOLIDATOR,
                context(JsonObject.builder().put("base_url", "http://127.0.0.1:9/v1").put("model", "llama3.1").build())));

        Consolidator consolidator = injector.getInstance(Consolidator.class);
        assertThat(consolidator.name()).isEqualTo("openai");
        assertThat(injector.getInstance(Consolidator.class)).isSameAs(consolidator);
    }

    @Test
    void readsEverySetting() {
        OpenAiConfig config = OpenAiConfig.from(new ConfigSection(OpenAiConfig.SECTION, JsonObject.builder()
                .put("base_url", "http://localhost:11434/v1").put("model", "qwen2.5:7b").put("api_key_env", "OLLAMA_KEY")
                .put("max_tokens", 800L).put("connect_timeout", "2s").put("read_timeout", "90s").put("overall_timeout", "3m")
                .put("max_retries", 4L).put("backoff", "500ms").put("max_backoff", "20s").put("concurrency", 3L)
                .put("breaker_failures", 2L).put("breaker_open_for", "5m").put("field_limit", 300L).put("evidence_limit", 10000L)
                .build()));

        assertThat(config.baseUrl().toString()).isEqualTo("http://localhost:11434/v1");
        assertThat(config.apiKeyEnv()).isEqualTo("OLLAMA_KEY");
        assertThat(config.overallTimeout()).isEqualTo(Duration.ofMinutes(3));
        assertThat(config.concurrency()).isEqualTo(3);
        assertThat(config.breakerOpenFor()).isEqualTo(Duration.ofMinutes(5));
        assertThat(OpenAiConfig.defaults().apiKeyEnv()).isNull();
    }

    @Test
    void refusesAnUnknownKeyNamingIt() {
        assertThatThrownBy(() -> new OpenAiPlugin().module(Role.CONSOLIDATOR, context(JsonObject.builder().put("api_key", "x").build())))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("openai.api_key"));
    }

    @Test
    void refusesABaseUrlThatIsNotHttp_orCarriesCredentials() {
        assertThatThrownBy(() -> OpenAiConfig.from(new ConfigSection(OpenAiConfig.SECTION, JsonObject.builder().put("base_url", "localhost:8080").build())))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("openai.base_url"));
        assertThatThrownBy(() -> OpenAiConfig.from(new ConfigSection(OpenAiConfig.SECTION, JsonObject.builder().put("base_url", "https://u:secret@host/v1").build())))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.getMessage()).doesNotContain("secret"));
    }

    @Test
    void servesNoOtherRole() {
        assertThatThrownBy(() -> new OpenAiPlugin().module(Role.STORAGE, context(JsonObject.EMPTY))).isInstanceOf(DomainException.class);
    }
}
