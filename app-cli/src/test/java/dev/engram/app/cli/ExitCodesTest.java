package dev.engram.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;

class ExitCodesTest {
    @Test
    void everyErrorCodeHasItsExitCode() {
        assertThat(ExitCodes.of(ErrorCode.INVALID_ARGUMENT)).isEqualTo(2);
        for (ErrorCode code : new ErrorCode[] {ErrorCode.MALFORMED_JSON, ErrorCode.INVALID_TRAJECTORY, ErrorCode.INVALID_INPUT,
            ErrorCode.CONFLICT, ErrorCode.TOO_LARGE}) {
            assertThat(ExitCodes.of(code)).as(code.wireName()).isEqualTo(3);
        }
        assertThat(ExitCodes.of(ErrorCode.NOT_FOUND)).isEqualTo(4);
        assertThat(ExitCodes.of(ErrorCode.BACKEND_UNAVAILABLE)).isEqualTo(5);
        assertThat(ExitCodes.of(ErrorCode.INTERNAL)).isEqualTo(1);
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(ExitCodes.of(code)).isBetween(1, 5);
        }
    }
}
