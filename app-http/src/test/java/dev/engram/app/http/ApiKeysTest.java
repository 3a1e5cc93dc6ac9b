package dev.engram.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.app.http.keys.ApiKey;
import dev.engram.app.http.keys.ApiKeys;
import dev.engram.app.http.keys.ApiRole;
import dev.engram.domain.error.DomainException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeysTest {
    @TempDir
    Path dir;

    @Test
    void aKeyAuthenticatesAsItsNamespaceAndRoleAndIsNotStored() throws Exception {
        ApiKeys keys = new ApiKeys(dir.resolve("keys.json"), Clock.systemUTC());
        ApiKeys.Created created = keys.create("team-a", ApiRole.WRITE, "ci");
        assertThat(created.token()).startsWith("egk_" + created.key().id() + "_");
        ApiKey key = keys.authenticate(created.token()).orElseThrow();
        assertThat(key.namespace()).isEqualTo("team-a");
        assertThat(key.role()).isEqualTo(ApiRole.WRITE);

        String file = Files.readString(dir.resolve("keys.json"));
        String secret = created.token().substring(created.token().indexOf('_', 4) + 1);
        assertThat(file).contains(created.key().id()).doesNotContain(secret);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("keys.json")))).isEqualTo("rw-------");

        // another process (the server) reads the same file
        assertThat(new ApiKeys(dir.resolve("keys.json"), Clock.systemUTC()).authenticate(created.token())).isPresent();
    }

    @Test
    void wrongSecretsUnknownIdsAndRevokedKeysAuthenticateNothing() {
        ApiKeys keys = new ApiKeys(dir.resolve("keys.json"), Clock.systemUTC());
        String token = keys.create("ns", ApiRole.ADMIN, null).token();
        assertThat(keys.authenticate(token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A"))).isEmpty();
        assertThat(keys.authenticate("egk_ffffffffffff_" + token.substring(17))).isEmpty();
        assertThat(keys.authenticate("not a key")).isEmpty();
        assertThat(keys.authenticate(null)).isEmpty();
        String id = token.substring(4, 16);
        assertThat(keys.revoke(id)).isTrue();
        assertThat(keys.revoke(id)).isFalse();
        assertThat(keys.authenticate(token)).isEmpty();
        assertThat(keys.list()).singleElement().satisfies(k -> assertThat(k.active()).isFalse());
        assertThatThrownBy(() -> keys.revoke("000000000000")).isInstanceOf(DomainException.class).hasMessageContaining("no API key");
    }

    @Test
    void aKeyVerifiedOnceStillRefusesAWrongSecretAndIsRefusedOnceAnotherProcessRevokesIt() throws Exception {
        ApiKeys server = new ApiKeys(dir.resolve("keys.json"), Clock.systemUTC());
        String token = server.create("ns", ApiRole.READ, null).token();
        assertThat(server.authenticate(token)).isPresent();
        assertThat(server.authenticate(token)).as("the verified secret, compared again").isPresent();
        String wrong = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
        assertThat(server.authenticate(wrong)).isEmpty();
        assertThat(server.authenticate(token + "x")).as("a longer secret is not the verified one").isEmpty();
        assertThat(server.authenticate(token)).isPresent();

        // the command, another process, revokes it: the server sees the file change within its recheck interval
        assertThat(new ApiKeys(dir.resolve("keys.json"), Clock.systemUTC()).revoke(token.substring(4, 16))).isTrue();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (server.authenticate(token).isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(server.authenticate(token)).isEmpty();
    }

    @Test
    void rolesIncludeTheOnesBelow() {
        assertThat(ApiRole.ADMIN.permits(ApiRole.WRITE)).isTrue();
        assertThat(ApiRole.WRITE.permits(ApiRole.READ)).isTrue();
        assertThat(ApiRole.READ.permits(ApiRole.WRITE)).isFalse();
        assertThat(ApiRole.WRITE.permits(ApiRole.ADMIN)).isFalse();
        assertThatThrownBy(() -> ApiRole.parse("root")).isInstanceOf(DomainException.class).hasMessageContaining("read, write or admin");
    }

    @Test
    void aNamespaceMustBeAValidId() {
        ApiKeys keys = new ApiKeys(dir.resolve("keys.json"), Clock.systemUTC());
        assertThatThrownBy(() -> keys.create("no spaces", ApiRole.READ, null)).isInstanceOf(DomainException.class).hasMessageContaining("namespace");
    }

    @Test
    void aCorruptKeyFileIsReportedNotReplaced() throws Exception {
        Files.writeString(dir.resolve("keys.json"), "{ not json");
        assertThatThrownBy(() -> new ApiKeys(dir.resolve("keys.json"), Clock.systemUTC())).isInstanceOf(DomainException.class)
                .hasMessageContaining("not a key file");
        assertThat(Files.readString(dir.resolve("keys.json"))).isEqualTo("{ not json");
    }
}
