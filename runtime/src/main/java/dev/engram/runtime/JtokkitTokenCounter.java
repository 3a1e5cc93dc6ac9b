package dev.engram.runtime;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import dev.engram.domain.error.DomainException;
import dev.engram.domain.memory.TokenCounter;
import java.util.Locale;

/**
 * Counts tokens with a real BPE vocabulary (jtokkit; {@code o200k_base} by default, shipped inside the jar). The
 * vocabulary is loaded on the first count, not when the counter is made: loading it takes about half a second, which
 * a one-shot command that never renders a context ({@code get}, {@code record}…) must not pay.
 */
public final class JtokkitTokenCounter implements TokenCounter {
    private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();

    private final EncodingType type;
    private volatile Encoding encoding;

    private JtokkitTokenCounter(EncodingType type) {
        this.type = type;
    }

    /** The counter for a vocabulary name: {@code o200k_base}, {@code cl100k_base}, {@code p50k_base}… */
    public static JtokkitTokenCounter of(String vocabulary) {
        for (EncodingType type : EncodingType.values()) {
            if (type.getName().equals(vocabulary.toLowerCase(Locale.ROOT))) {
                return new JtokkitTokenCounter(type);
            }
        }
        throw DomainException.invalidArgument("context.tokenizer", "unknown vocabulary '" + vocabulary + "'; known: o200k_base, cl100k_base, p50k_base, p50k_edit, r50k_base");
    }

    @Override
    public int count(String text) {
        return text.isEmpty() ? 0 : encoding().countTokensOrdinary(text);
    }

    private Encoding encoding() {
        Encoding loaded = encoding;
        if (loaded == null) {
            // the registry loads each vocabulary once and is thread-safe; a race only looks it up twice
            loaded = REGISTRY.getEncoding(type);
            encoding = loaded;
        }
        return loaded;
    }
}
