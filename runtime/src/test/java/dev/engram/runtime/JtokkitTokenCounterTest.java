package dev.engram.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.domain.error.DomainException;
import org.junit.jupiter.api.Test;

class JtokkitTokenCounterTest {
    @Test
    void countsWithTheNamedVocabulary_loadedOnFirstUse() {
        JtokkitTokenCounter counter = JtokkitTokenCounter.of("O200K_BASE");
        assertThat(counter.count("")).isZero();
        assertThat(counter.count("hello world")).isEqualTo(2);
        assertThat(counter.count("## MEMORY FROM PAST EPISODES")).isPositive();
    }

    @Test
    void anUnknownVocabularyIsRefusedAtOnceNamingTheKey() {
        assertThatThrownBy(() -> JtokkitTokenCounter.of("gpt9_base")).isInstanceOf(DomainException.class)
                .hasMessageStartingWith("context.tokenizer: unknown vocabulary 'gpt9_base'");
    }
}
