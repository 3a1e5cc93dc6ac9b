package dev.engram.adapters.llm;

import dev.engram.application.config.ConfigSection;
import dev.engram.domain.error.DomainException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The settings of the {@code openai} plugin ({@code openai.*} in the configuration). The API key itself is never
 * part of the configuration: {@code api_key_env} names the environment variable that holds it, so that config files
 * and {@code --json} output can be shown without leaking it.
 *
 * @param baseUrl          the endpoint's base, to which {@code /chat/completions} is appended
 *                         ({@code base_url}, {@code https://api.openai.com/v1})
 * @param model            the model asked ({@code model}, {@code gpt-4o-mini})
 * @param apiKeyEnv        the environment variable holding the key ({@code api_key_env}); null: no key is sent,
 *                         as local servers (Ollama, llama.cpp, vLLM, LM Studio) need none
 * @param maxTokens        the answer's bound ({@code max_tokens}, 1200)
 * @param connectTimeout   {@code connect_timeout}, 5s
 * @param readTimeout      the longest silence while the answer is awaited or read ({@code read_timeout}, 60s)
 * @param overallTimeout   everything one consolidation may take, retries included ({@code overall_timeout}, 120s)
 * @param maxRetries       further attempts after a 429, a 5xx or a timeout ({@code max_retries}, 2)
 * @param backoff          the first retry's delay, doubled each time, with jitter ({@code backoff}, 1s)
 * @param maxBackoff       the longest wait between attempts; a longer {@code Retry-After} gives up instead
 *                         ({@code max_backoff}, 30s)
 * @param concurrency      calls in flight at once from this process ({@code concurrency}, 2)
 * @param breakerFailures  consecutive failed consolidations that open the circuit ({@code breaker_failures}, 1)
 * @param breakerOpenFor   how long an open circuit skips the endpoint ({@code breaker_open_for}, 60s)
 * @param fieldLimit       code points kept of each text field of the evidence ({@code field_limit}, 400)
 * @param evidenceLimit    code points of evidence per request, all tasks together ({@code evidence_limit}, 24000)
 */
public record OpenAiConfig(
        URI baseUrl,
        String model,
        String apiKeyEnv,
        int maxTokens,
        Duration connectTimeout,
        Duration readTimeout,
        Duration overallTimeout,
        int maxRetries,
        Duration backoff,
        Duration maxBackoff,
        int concurrency,
        int breakerFailures,
        Duration breakerOpenFor,
        int fieldLimit,
        int evidenceLimit) {

    static final String SECTION = "openai";
    private static final Set<String> KEYS = Set.of("base_url", "model", "api_key_env", "max_tokens", "connect_timeout",
            "read_timeout", "overall_timeout", "max_retries", "backoff", "max_backoff", "concurrency", "breaker_failures",
            "breaker_open_for", "field_limit", "evidence_limit");
    /** A variable name, at most 64 characters, not starting the way well-known keys do ({@code sk-}, {@code gsk_}). */
    private static final Pattern ENV_NAME = Pattern.compile("(?!(?i:sk|gsk|xai)[-_])[A-Za-z_][A-Za-z0-9_]{0,63}");

    public OpenAiConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        checkPositive("connect_timeout", connectTimeout);
        checkPositive("read_timeout", readTimeout);
        checkPositive("overall_timeout", overallTimeout);
        checkPositive("backoff", backoff);
        checkPositive("max_backoff", maxBackoff);
        checkPositive("breaker_open_for", breakerOpenFor);
        if (model == null || model.isBlank()) {
            throw DomainException.invalidArgument(key("model"), "must name a model");
        }
        if (apiKeyEnv != null && !ENV_NAME.matcher(apiKeyEnv).matches()) {
            // a value that does not look like a variable name may well be the key itself, pasted by mistake: not shown
            throw DomainException.invalidArgument(key("api_key_env"),
                    "must be the NAME of an environment variable (letters, digits, '_'), not the key itself");
        }
    }

    /** The defaults: OpenAI's endpoint, no key variable. */
    public static OpenAiConfig defaults() {
        return from(new ConfigSection(SECTION, dev.engram.domain.json.JsonObject.EMPTY));
    }

    /** Reads the plugin's section; unknown keys and bad values are refused with the key named. */
    public static OpenAiConfig from(ConfigSection section) {
        section.refuseUnknown(KEYS);
        String env = section.string("api_key_env", null);
        return new OpenAiConfig(
                baseUrl(section),
                section.string("model", "gpt-4o-mini").trim(),
                env == null || env.isBlank() ? null : env.trim(),
                (int) section.integer("max_tokens", 1200, 64, 32_768),
                section.duration("connect_timeout", Duration.ofSeconds(5)),
                section.duration("read_timeout", Duration.ofSeconds(60)),
                section.duration("overall_timeout", Duration.ofSeconds(120)),
                (int) section.integer("max_retries", 2, 0, 10),
                section.duration("backoff", Duration.ofSeconds(1)),
                section.duration("max_backoff", Duration.ofSeconds(30)),
                (int) section.integer("concurrency", 2, 1, 64),
                (int) section.integer("breaker_failures", 1, 1, 1_000),
                section.duration("breaker_open_for", Duration.ofSeconds(60)),
                (int) section.integer("field_limit", 400, 20, 100_000),
                (int) section.integer("evidence_limit", 24_000, 1_000, 1_000_000));
    }

    private static URI baseUrl(ConfigSection section) {
        String text = section.string("base_url", "https://api.openai.com/v1").trim();
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw section.bad("base_url", "must be an http or https URL like http://localhost:11434/v1, got '" + text + "'");
            }
            if (uri.getUserInfo() != null || uri.getQuery() != null) {
                // credentials in the URL would be logged with it; the key goes in api_key_env
                throw section.bad("base_url", "must hold no user, password or query; put the key in the variable named by api_key_env");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw section.bad("base_url", "must be an http or https URL like http://localhost:11434/v1, got '" + text + "'");
        }
    }

    private static void checkPositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw DomainException.invalidArgument(key(name), "must be longer than 0s, got " + value);
        }
    }

    private static String key(String name) {
        return SECTION + "." + name;
    }

    /** The same settings against another endpoint (tests, tools). */
    public OpenAiConfig withBaseUrl(URI other) {
        return new OpenAiConfig(other, model, apiKeyEnv, maxTokens, connectTimeout, readTimeout, overallTimeout, maxRetries,
                backoff, maxBackoff, concurrency, breakerFailures, breakerOpenFor, fieldLimit, evidenceLimit);
    }
}
