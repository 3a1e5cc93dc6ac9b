package dev.engram.adapters.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.application.config.ConfigSection;
import dev.engram.domain.error.DomainException;
import dev.engram.domain.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SqliteConfigTest {
    private static final Path DATA = Path.of("/var/lib/engram");

    private static SqliteConfig read(JsonObject values) {
        return SqliteConfig.from(new ConfigSection("sqlite", values), DATA);
    }

    @Test
    void defaultsToEngramDbInTheDataDir_fullSync_tenSeconds() {
        SqliteConfig config = read(JsonObject.EMPTY);
        assertThat(config.path()).isEqualTo(DATA.resolve("engram.db"));
        assertThat(config.busyTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.synchronous()).isEqualTo(SqliteConfig.Synchronous.FULL);
        assertThat(config.readPoolSize()).isEqualTo(2);
        assertThat(config.quickCheck()).isTrue();
    }

    @Test
    void readsEverySetting_aRelativePathFromTheDataDir() {
        SqliteConfig config = read(JsonObject.builder().put("path", "sub/x.db").put("busy_timeout", "500ms")
                .put("read_pool_size", "4").put("synchronous", "NORMAL").put("quick_check", false)
                .put("quick_check_limit", 1024L).build());
        assertThat(config).isEqualTo(new SqliteConfig(DATA.resolve("sub/x.db"), Duration.ofMillis(500), 4,
                SqliteConfig.Synchronous.NORMAL, false, 1024));
    }

    @Test
    void refusesBadValuesNamingTheKey() {
        assertThatThrownBy(() -> read(JsonObject.builder().put("synchronous", "off").build()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("sqlite.synchronous"));
        assertThatThrownBy(() -> read(JsonObject.builder().put("read_pool_size", 0L).build()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("sqlite.read_pool_size"));
        assertThatThrownBy(() -> read(JsonObject.builder().put("busy_timeout", "soon").build()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("sqlite.busy_timeout"));
        assertThatThrownBy(() -> read(JsonObject.builder().put("path", "what?.db").build()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("sqlite.path"));
    }
}
