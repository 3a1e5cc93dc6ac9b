package dev.engram.app.http.keys;

import dev.engram.application.port.in.Namespaces;
import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import dev.engram.domain.json.JsonArray;
import dev.engram.domain.json.JsonNull;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.JsonString;
import dev.engram.domain.json.JsonValue;
import dev.engram.domain.trajectory.Timestamps;
import dev.engram.json.JsonCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The key file: every API key, bound to one namespace and a role, stored as a salted SHA-256 (a key is 256 random
 * bits, so a slow password hash would add nothing but latency). A key reads {@code egk_<id>_<secret>}; the id finds
 * the entry, the secret is compared in constant time. The server reads the file again at most once a second and
 * takes in any change, so keys created or revoked while it runs take effect without a restart.
 */
public final class ApiKeys {
    public static final String PREFIX = "egk_";
    private static final int SECRET_BYTES = 32;
    private static final int SALT_BYTES = 16;
    private static final int ID_BYTES = 6;
    private static final long RECHECK_NANOS = 1_000_000_000L;
    private static final byte[] DUMMY_SALT = new byte[SALT_BYTES];
    private static final byte[] DUMMY_HASH = new byte[32];

    private final Path file;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private volatile Map<String, ApiKey> byId;
    /**
     * The secret last verified for each key id, so that a key's later requests cost a constant-time comparison with
     * it instead of a salted hash; emptied whenever the file is re-read. Whether a key is active is still asked of the
     * file as last read, on every request.
     */
    private volatile Map<String, byte[]> verified = new ConcurrentHashMap<>();
    private volatile String loadedText; // null: there was no file
    private volatile long checkedAt;

    public ApiKeys(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
        reload();
    }

    public Path file() {
        return file;
    }

    /** A newly created key: the entry and the key itself, which exists nowhere else and is shown once. */
    public record Created(ApiKey key, String token) {
    }

    public synchronized Created create(String namespace, ApiRole role, String label) {
        Namespaces.check(namespace);
        reload();
        byte[] secretBytes = new byte[SECRET_BYTES];
        random.nextBytes(secretBytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        String id;
        do {
            byte[] idBytes = new byte[ID_BYTES];
            random.nextBytes(idBytes);
            id = HexFormat.of().formatHex(idBytes);
        } while (byId.containsKey(id));
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        ApiKey key = new ApiKey(id, namespace, role, label == null ? "" : label, clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                null, salt, hash(salt, secret));
        List<ApiKey> all = new ArrayList<>(byId.values());
        all.add(key);
        write(all);
        return new Created(key, PREFIX + id + "_" + secret);
    }

    public List<ApiKey> list() {
        refresh();
        return byId.values().stream().sorted(java.util.Comparator.comparing(ApiKey::createdAt).thenComparing(ApiKey::id)).toList();
    }

    /** Revokes a key by its id; emits false when it was revoked already. */
    public synchronized boolean revoke(String id) {
        reload();
        ApiKey key = byId.get(id);
        if (key == null) {
            throw new DomainException(ErrorCode.NOT_FOUND, "no API key " + id + " in " + file + " (engram-server keys list shows them)");
        }
        if (!key.active()) {
            return false;
        }
        List<ApiKey> all = byId.values().stream()
                .map(k -> k.id().equals(id) ? new ApiKey(k.id(), k.namespace(), k.role(), k.label(), k.createdAt(), clock.instant(), k.salt(), k.hash()) : k)
                .toList();
        write(all);
        return true;
    }

    /** The active key the text is, or empty: malformed, unknown, revoked or wrong secret are all the same answer. */
    public Optional<ApiKey> authenticate(String token) {
        refresh();
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int split = token.indexOf('_', PREFIX.length());
        if (split < 0) {
            return Optional.empty();
        }
        ApiKey key = byId.get(token.substring(PREFIX.length(), split));
        byte[] secret = token.substring(split + 1).getBytes(StandardCharsets.UTF_8);
        if (key != null) {
            byte[] known = verified.get(key.id());
            if (known != null && MessageDigest.isEqual(known, secret)) {
                return key.active() ? Optional.of(key) : Optional.empty();
            }
        }
        // an unknown id costs the same hash as a known one
        byte[] expected = key == null ? DUMMY_HASH : key.hash();
        boolean same = MessageDigest.isEqual(expected, hash(key == null ? DUMMY_SALT : key.salt(), secret));
        if (!same || key == null || !key.active()) {
            return Optional.empty();
        }
        verified.put(key.id(), secret);
        return Optional.of(key);
    }

    private void refresh() {
        long now = System.nanoTime();
        if (now - checkedAt < RECHECK_NANOS) {
            return;
        }
        checkedAt = now;
        // the text itself is compared, not the modification time: two writes within one tick of the file system's
        // clock (a create and a revoke a few milliseconds apart) leave the same time, and the revoke would go unseen
        String text = read();
        if (!Objects.equals(text, loadedText)) {
            synchronized (this) {
                load(text);
            }
        }
    }

    private void reload() {
        load(read());
    }

    /** The key file's text, or null when there is none. */
    private String read() {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new DomainException(ErrorCode.BACKEND_UNAVAILABLE, "the key file " + file + " cannot be read: " + e.getMessage());
        }
    }

    private void load(String text) {
        Map<String, ApiKey> keys = text == null ? Map.of()
                : parse(text).stream().collect(Collectors.toMap(ApiKey::id, Function.identity(), (a, b) -> b, java.util.LinkedHashMap::new));
        verified = new ConcurrentHashMap<>();
        byId = keys;
        loadedText = text;
        checkedAt = System.nanoTime();
    }

    private List<ApiKey> parse(String text) {
        try {
            JsonObject root = (JsonObject) JsonCodec.instance().parse(text);
            List<ApiKey> keys = new ArrayList<>();
            for (JsonValue v : ((JsonArray) root.get("keys")).elements()) {
                JsonObject k = (JsonObject) v;
                keys.add(new ApiKey(str(k, "id"), str(k, "namespace"), ApiRole.parse(str(k, "role")), str(k, "label"),
                        Timestamps.parse(str(k, "created_at")).orElseThrow(),
                        k.get("revoked_at") instanceof JsonString r ? Timestamps.parse(r.value()).orElseThrow() : null,
                        Base64.getDecoder().decode(str(k, "salt")), HexFormat.of().parseHex(str(k, "sha256"))));
            }
            return keys;
        } catch (RuntimeException e) {
            throw new DomainException(ErrorCode.BACKEND_UNAVAILABLE, "the key file " + file + " is not a key file engram-server wrote ("
                    + e.getClass().getSimpleName() + "); restore it or move it away and create keys again");
        }
    }

    private static String str(JsonObject o, String field) {
        JsonValue v = o.get(field);
        return v instanceof JsonString s ? s.value() : null;
    }

    private void write(List<ApiKey> keys) {
        List<JsonValue> entries = new ArrayList<>();
        for (ApiKey k : keys) {
            entries.add(JsonObject.builder()
                    .put("id", k.id())
                    .put("namespace", k.namespace())
                    .put("role", k.role().wireName())
                    .put("label", k.label())
                    .put("created_at", Timestamps.format(k.createdAt()))
                    .put("revoked_at", k.revokedAt() == null ? JsonNull.NULL : new JsonString(Timestamps.format(k.revokedAt())))
                    .put("salt", Base64.getEncoder().encodeToString(k.salt()))
                    .put("sha256", HexFormat.of().formatHex(k.hash()))
                    .build());
        }
        JsonObject root = JsonObject.builder().put("version", 1L).put("keys", new JsonArray(entries)).build();
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            // on a POSIX file system createTempFile makes the file rw------- itself, before anything is written to it
            Path temp = Files.createTempFile(dir, ".api-keys", ".tmp");
            try {
                Files.writeString(temp, JsonCodec.instance().writePretty(root) + "\n", StandardCharsets.UTF_8);
                try {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new DomainException(ErrorCode.BACKEND_UNAVAILABLE, "the key file " + file + " cannot be written: " + e.getMessage());
        }
        reload();
    }

    private static byte[] hash(byte[] salt, String secret) {
        return hash(salt, secret.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hash(byte[] salt, byte[] secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return sha.digest(secret);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

}
