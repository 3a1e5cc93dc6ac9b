package dev.engram.domain.trajectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.JsonValue;
import dev.engram.domain.json.TestJson;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RedactorTest {
    private final Redactor redactor = Redactor.defaults();

    @ParameterizedTest
    @ValueSource(strings = {"password", "PASSWORD", "db_password", "passwd", "secret", "client_secret", "clientSecret",
            "token", "access_token", "refreshToken", "api_key", "apiKey", "X-Api-Key", "APIKEY", "apikey",
            "Authorization", "proxy-authorization"})
    void secretKeysAreRecognised(String key) {
        assertThat(redactor.isSecretKey(key)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"max_tokens", "token_count", "tokens", "password_hint_shown", "author", "key", "secretary", ""})
    void ordinaryKeysAreLeftAlone(String key) {
        assertThat(redactor.isSecretKey(key)).isFalse();
    }

    @Test
    void replacesSecretValuesAtAnyDepth_andLeavesTheRestUntouched() {
        JsonValue input = TestJson.parse("""
                {"a": [{"b": {"password": {"nested": "x"}}}, "password"], "token": null, "keep": {"value": 1}}""");
        JsonValue expected = TestJson.parse("""
                {"a": [{"b": {"password": "[REDACTED]"}}, "password"], "token": "[REDACTED]", "keep": {"value": 1}}""");

        JsonValue redacted = redactor.redact(input);

        assertThat(redacted).isEqualTo(expected);
        JsonObject untouched = TestJson.object("{\"keep\": {\"value\": 1}}");
        assertThat(redactor.redact(untouched)).isSameAs(untouched);
    }

    @Test
    void customTermsAndTurningItOff() {
        Redactor custom = Redactor.of(List.of("ssn", "credit-card"));
        assertThat(custom.isSecretKey("customer_ssn")).isTrue();
        assertThat(custom.isSecretKey("creditCard")).isTrue();
        assertThat(custom.isSecretKey("password")).isFalse();
        assertThat(Redactor.none().enabled()).isFalse();
        assertThat(Redactor.none().redact(TestJson.parse("{\"password\": 1}"))).isEqualTo(TestJson.parse("{\"password\": 1}"));
        assertThatThrownBy(() -> Redactor.of(List.of("--"))).hasMessageContaining("letter or digit");
    }
}
