package dev.engram.app.http.keys;

import dev.engram.domain.error.DomainException;
import java.util.Locale;

/**
 * What a key may do (INTERFACES.md): {@code read} (get, list, top, stats, context, memory, stream), {@code write}
 * (also record, priorities, sample, consolidate), {@code admin} (also delete, forget, prune). Each includes the ones
 * before it.
 */
public enum ApiRole {
    READ,
    WRITE,
    ADMIN;

    public boolean permits(ApiRole needed) {
        return compareTo(needed) >= 0;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ApiRole parse(String text) {
        for (ApiRole role : values()) {
            if (role.wireName().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return role;
            }
        }
        throw DomainException.invalidArgument("role", "must be read, write or admin, got '" + text + "'");
    }
}
