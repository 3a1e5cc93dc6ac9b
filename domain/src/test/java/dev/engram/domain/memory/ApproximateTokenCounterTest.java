package dev.engram.domain.memory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApproximateTokenCounterTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|0",
        "'   \n\t '|0",
        "word|1",
        "words|2",
        "## MEMORY FROM PAST EPISODES|8",
        "  - AVOID: Escalated too early|10",
        "Score 0.85 in 12 steps|9",
        "障害対応|4",
        "🚀 ok|2",
    })
    void estimates(String text, int tokens) {
        assertThat(ApproximateTokenCounter.INSTANCE.count(text)).isEqualTo(tokens);
    }
}
