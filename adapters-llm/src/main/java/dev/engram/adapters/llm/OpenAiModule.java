package dev.engram.adapters.llm;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.engram.application.port.out.Consolidator;
import dev.engram.application.service.HeuristicConsolidator;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import reactor.core.scheduler.Schedulers;

/**
 * Binds the {@link Consolidator} to the {@code openai} one. Nothing is contacted when the module is built or the
 * consolidator made; the first consolidation makes the first request. The key is read from the environment once,
 * when the consolidator is made.
 */
public final class OpenAiModule extends AbstractModule {
    /** Tasks waiting for a call thread before further ones are refused (and fall back). */
    private static final int QUEUED_CALLS = 256;

    private final OpenAiConfig config;
    private final UnaryOperator<String> environment;

    public OpenAiModule(OpenAiConfig config) {
        this(config, System::getenv);
    }

    OpenAiModule(OpenAiConfig config, UnaryOperator<String> environment) {
        this.config = Objects.requireNonNull(config, "config");
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    @Provides
    @Singleton
    Consolidator consolidator() {
        return create(config, environment);
    }

    static OpenAiConsolidator create(OpenAiConfig config, UnaryOperator<String> environment) {
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.readTimeout())
                .writeTimeout(config.readTimeout())
                .callTimeout(config.overallTimeout())
                // retries are ours (counted, with backoff); OkHttp's silent ones would multiply them
                .retryOnConnectionFailure(false)
                .build();
        ChatCompletions chat = new ChatCompletions(http, HttpUrl.get(config.baseUrl()), config.model(), config.maxTokens(),
                ApiKey.fromEnvironment(config.apiKeyEnv(), environment),
                Schedulers.newBoundedElastic(config.concurrency(), QUEUED_CALLS, "engram-openai", 60, true),
                new Backoff(config.backoff(), config.maxBackoff(), () -> ThreadLocalRandom.current().nextDouble()),
                config.maxRetries());
        return new OpenAiConsolidator(chat, new EvidencePrompt(config.fieldLimit(), config.evidenceLimit()),
                new HeuristicConsolidator(), new CircuitBreaker(config.breakerFailures(), config.breakerOpenFor(), System::nanoTime),
                new FallbackLog(), config.overallTimeout());
    }
}
