package dev.engram.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngramRuntimeTest {
    @TempDir
    Path dir;

    @Test
    void aStoreThatCannotOpenIsReportedAsTheStoresFailure_notTheInjectors() {
        EngramRuntime.Options options = new EngramRuntime.Options(null, Map.of(),
                Map.of("storage", "unusable", "data_dir", dir.toString()), false);
        assertThatThrownBy(() -> EngramRuntime.start(options)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.BACKEND_UNAVAILABLE))
                .hasMessage("the store is corrupt");
    }
}
