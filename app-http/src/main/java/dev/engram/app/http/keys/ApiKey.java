package dev.engram.app.http.keys;

import java.time.Instant;

/**
 * One API key as the key file holds it: never the key itself, only a random salt and SHA-256(salt ‖ secret).
 *
 * @param id        the public part of the key, shown by {@code keys list} and in logs
 * @param revokedAt when it was revoked; a revoked key authenticates nothing
 */
public record ApiKey(String id, String namespace, ApiRole role, String label, Instant createdAt, Instant revokedAt,
                     byte[] salt, byte[] hash) {
    public boolean active() {
        return revokedAt == null;
    }
}
