package dev.engram.domain.memory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Numbers and cuts as the seed's Python makes them. */
class PythonTextTest {

    @ParameterizedTest
    @CsvSource({
        "0.125, 0.12", // exact half: to even
        "0.875, 0.88",
        "0.375, 0.38",
        "0.845, 0.84", // the double lies just below 0.845
        "0.335, 0.34", // the double lies just above 0.335
        "1.0, 1.00",
        "0.0, 0.00",
        "0.005, 0.01",
        "0.015, 0.01",
    })
    void twoDecimalsAsFormatted(double value, String printed) {
        assertThat(HalfEvenDecimal.format(value, 2)).isEqualTo(printed);
    }

    @ParameterizedTest
    @CsvSource({
        "0.5125, 0.512",
        "0.0625, 0.062",
        "0.6666666666666666, 0.667",
        "0.1235, 0.123", // the double lies just below 0.1235
    })
    void roundToThreePlaces(double value, double rounded) {
        assertThat(HalfEvenDecimal.round(value, 3)).isEqualTo(rounded);
    }

    @Test
    void cutsCountCodePointsNotUtf16Units() {
        String text = "ab😀cd";
        assertThat(CodePointPrefix.of(text, 3)).isEqualTo("ab😀");
        assertThat(CodePointPrefix.of(text, 2)).isEqualTo("ab");
        assertThat(CodePointPrefix.of(text, 10)).isSameAs(text);
        assertThat(CodePointPrefix.of("😀😀😀😀", 3)).isEqualTo("😀😀😀");
    }
}
