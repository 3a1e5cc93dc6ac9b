package dev.engram.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.application.config.ServerSettings;
import dev.engram.domain.error.DomainException;
import dev.engram.runtime.EngramRuntime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code server} section: defaults, overrides from the environment, and errors that name the key. */
class ServerSettingsTest {
    @TempDir
    Path dir;

    private ServerSettings read(Map<String, String> env) {
        return EngramRuntime.settings(new EngramRuntime.Options(null, env, Map.of("data_dir", dir.toString()), false)).server();
    }

    @Test
    void defaultsListenOnLoopbackWithTheKeyFileInTheDataDir() {
        ServerSettings s = read(Map.of());
        assertThat(s.host()).isEqualTo("127.0.0.1");
        assertThat(s.port()).isEqualTo(8080);
        assertThat(s.keyFile()).isEqualTo(dir.resolve("api-keys.json"));
        assertThat(s.metricsPort()).isEqualTo(ServerSettings.SAME_PORT);
        assertThat(s.jsonLogs()).isFalse();
        assertThat(s.accessLog()).isTrue();
    }

    @Test
    void theEnvironmentOverrides() {
        ServerSettings s = read(Map.of("ENGRAM_SERVER__PORT", "9000", "ENGRAM_SERVER__READ_TIMEOUT", "5s", "ENGRAM_SERVER__LOG_FORMAT", "json",
                "ENGRAM_SERVER__ACCESS_LOG", "false"));
        assertThat(s.accessLog()).isFalse();
        assertThat(s.port()).isEqualTo(9000);
        assertThat(s.readTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.jsonLogs()).isTrue();
    }

    @Test
    void badValuesNameTheirKey() {
        assertThatThrownBy(() -> read(Map.of("ENGRAM_SERVER__PORT", "70000"))).isInstanceOf(DomainException.class).hasMessageContaining("server.port");
        assertThatThrownBy(() -> read(Map.of("ENGRAM_SERVER__LOG_FORMAT", "xml"))).isInstanceOf(DomainException.class).hasMessageContaining("server.log_format");
        assertThatThrownBy(() -> read(Map.of("ENGRAM_SERVER__PROT", "1"))).isInstanceOf(DomainException.class).hasMessageContaining("server.prot");
        assertThatThrownBy(() -> read(Map.of("ENGRAM_SERVER__READ_TIMEOUT", "soon"))).isInstanceOf(DomainException.class).hasMessageContaining("server.read_timeout");
    }
}
