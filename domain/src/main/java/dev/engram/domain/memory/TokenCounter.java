package dev.engram.domain.memory;

/**
 * Counts the tokens of a text as a model would see them. The domain ships an estimate
 * ({@link ApproximateTokenCounter}); a front end plugs a real tokenizer in (jtokkit, {@code o200k_base}).
 */
@FunctionalInterface
public interface TokenCounter {
    /** The number of tokens of {@code text}; 0 for the empty text. */
    int count(String text);
}
