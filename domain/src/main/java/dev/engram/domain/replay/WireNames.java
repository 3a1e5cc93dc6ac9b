package dev.engram.domain.replay;

import java.util.Locale;
import java.util.Optional;

/** The wire form of the replay enums: the lower-case constant name, read back in any case. */
final class WireNames {

    private WireNames() {
    }

    static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E>> Optional<E> parse(E[] constants, String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (E constant : constants) {
            if (of(constant).equals(wanted)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }
}
