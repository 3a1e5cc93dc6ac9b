package dev.engram.runtime;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import dev.engram.domain.error.DomainException;
import dev.engram.domain.memory.TokenCounter;
import java.util.Locale;

/** Counts tokens with a real BPE vocabulary (jtokkit; {@code o200k_base} by default, shipped inside the jar). */
public final class JtokkitTokenCounter implements TokenCounter {
    private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();

    private final Encoding encoding;

    private JtokkitTokenCounter(Encoding encoding) {
        this.encoding = encoding;
    }

    /** The counter for a vocabulary name: {@code o200k_base}, {@code cl100k_base}, {@code p50k_base}… */
    public static JtokkitTokenCounter of(String vocabulary) {
        for (EncodingType type : EncodingType.values()) {
            if (type.getName().equals(vocabulary.toLowerCase(Locale.ROOT))) {
                return new JtokkitTokenCounter(REGISTRY.getEncoding(type));
            }
        }
        throw DomainException.invalidArgument("context.tokenizer", "unknown vocabulary '" + vocabulary + "'; known: o200k_base, cl100k_base, p50k_base, p50k_edit, r50k_base");
    }

    @Override
    public int count(String text) {
        return text.isEmpty() ? 0 : encoding.countTokensOrdinary(text);
    }
}
