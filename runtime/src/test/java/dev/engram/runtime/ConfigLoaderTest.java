package dev.engram.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.application.config.ConfigSection;
import dev.engram.application.config.EngramSettings;
import dev.engram.domain.error.DomainException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void fileThenEnvironmentThenFlags() throws Exception {
        Path file = dir.resolve("engram.yaml");
        Files.writeString(file, """
                data_dir: /from/file
                storage: sqlite
                memory:
                  consolidate_every: 10
                  rules_per_task: 7
                sqlite:
                  busy_timeout: 5s
                """);
        ConfigSection root = ConfigLoader.load(file,
                Map.of("ENGRAM_MEMORY__CONSOLIDATE_EVERY", "30", "ENGRAM_SQLITE__BUSY_TIMEOUT", "2m", "ENGRAM_TEST_MONGO_URI", "x", "HOME", "/"),
                Map.of("data_dir", "/from/flag"));
        EngramSettings settings = EngramSettings.from(root, Set.of("sqlite"));

        assertThat(settings.dataDir()).isEqualTo(Path.of("/from/flag"));
        assertThat(settings.memory().consolidateEvery()).isEqualTo(30);
        assertThat(settings.memory().rulesPerTask()).isEqualTo(7);
        assertThat(root.section("sqlite").duration("busy_timeout", null)).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void jsonFilesWorkToo_andDefaultsApplyWithoutAFile() throws Exception {
        Path file = dir.resolve("engram.json");
        Files.writeString(file, "{\"replay\": {\"capacity\": 1000, \"eviction\": \"oldest\"}}");
        EngramSettings settings = EngramSettings.from(ConfigLoader.load(file, Map.of(), Map.of()), Set.of());
        assertThat(settings.replay().capacity()).isEqualTo(1000);
        EngramSettings defaults = EngramSettings.from(ConfigLoader.load(null, Map.of(), Map.of()), Set.of());
        assertThat(defaults.storage()).isEqualTo("sqlite");
        assertThat(defaults.memory().consolidateEvery()).isEqualTo(20);
    }

    @Test
    void everyMistakeNamesItsKey() throws Exception {
        assertThatThrownBy(() -> EngramSettings.from(ConfigLoader.load(null, Map.of("ENGRAM_MEMORY__CONSOLIDATE_EVERY", "often"), Map.of()), Set.of()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("memory.consolidate_every"));
        assertThatThrownBy(() -> EngramSettings.from(ConfigLoader.load(null, Map.of(), Map.of("replay.eviction", "random")), Set.of()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.getMessage()).contains("replay.eviction").contains("lowest_priority or oldest"));
        assertThatThrownBy(() -> EngramSettings.from(ConfigLoader.load(null, Map.of("ENGRAM_STORGE", "sqlite"), Map.of()), Set.of()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("storge"));
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "storage: [unclosed\n");
        assertThatThrownBy(() -> ConfigLoader.load(bad, Map.of(), Map.of())).hasMessageContaining("bad.yaml").hasMessageContaining("not valid YAML or JSON");
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("missing.yaml"), Map.of(), Map.of())).hasMessageContaining("does not exist");
    }
}
