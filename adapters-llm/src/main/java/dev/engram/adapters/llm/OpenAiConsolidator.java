package dev.engram.adapters.llm;

import dev.engram.application.port.out.Consolidation;
import dev.engram.application.port.out.ConsolidationInput;
import dev.engram.application.port.out.Consolidator;
import dev.engram.domain.json.JsonValue;
import dev.engram.domain.memory.RuleChange;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import reactor.core.publisher.Mono;

/**
 * Consolidation by a language model behind any OpenAI-compatible endpoint. It asks with contrasting evidence
 * ({@link EvidencePrompt}), finds the JSON in the answer ({@link AnswerText}) and checks it whole
 * ({@link ProposedChanges}) before any change leaves here. Whatever goes wrong — no endpoint, a refused key, a
 * timeout, garbage — the heuristic's changes are returned instead with the reason, the fallback is logged once and
 * counted ({@link FallbackLog}), and the Mono never fails: memory keeps moving and no episode is lost. A dead
 * endpoint opens the {@link CircuitBreaker}, so that the next consolidations fall back at once instead of each
 * waiting out its timeouts; once it closes again, the next due consolidation asks the model again.
 */
final class OpenAiConsolidator implements Consolidator {
    static final String NAME = "openai";

    private final ChatCompletions chat;
    private final EvidencePrompt prompt;
    private final Consolidator fallback;
    private final CircuitBreaker breaker;
    private final FallbackLog fallbacks;
    private final Duration overallTimeout;

    OpenAiConsolidator(ChatCompletions chat, EvidencePrompt prompt, Consolidator fallback, CircuitBreaker breaker,
                       FallbackLog fallbacks, Duration overallTimeout) {
        this.chat = chat;
        this.prompt = prompt;
        this.fallback = fallback;
        this.breaker = breaker;
        this.fallbacks = fallbacks;
        this.overallTimeout = overallTimeout;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Mono<Consolidation> consolidate(ConsolidationInput input) {
        return Mono.defer(() -> {
            if (!breaker.tryAcquire()) {
                return fallBack(input, "the endpoint failed recently; it is tried again in " + breaker.secondsUntilRetry() + "s");
            }
            // deferred, so that even a failure while building the prompt ends in the fallback below
            return Mono.defer(() -> chat.complete(prompt.messages(input)))
                    .timeout(overallTimeout)
                    .switchIfEmpty(Mono.error(() -> new ChatFailure(ChatFailure.Kind.TRANSIENT, "the endpoint gave no answer")))
                    .doOnNext(answer -> breaker.onSuccess())
                    .map(answer -> changes(answer, input))
                    .map(changes -> new Consolidation(changes, NAME, null))
                    .onErrorResume(error -> {
                        String reason = reason(error);
                        if (error instanceof TimeoutException || (error instanceof ChatFailure failure && failure.endpointFault())) {
                            breaker.onFailure();
                        } else {
                            breaker.onNeutral();
                        }
                        return fallBack(input, reason);
                    })
                    .doOnCancel(breaker::onNeutral);
        });
    }

    private static List<RuleChange> changes(String answer, ConsolidationInput input) {
        JsonValue json = AnswerText.json(answer).orElseThrow(() ->
                new ChatFailure(ChatFailure.Kind.BAD_ANSWER, "the answer holds no JSON object or array"));
        return ProposedChanges.from(json, input);
    }

    private String reason(Throwable error) {
        if (error instanceof TimeoutException) {
            return "no complete answer within openai.overall_timeout (" + overallTimeout.toMillis() + " ms)";
        }
        if (error instanceof ChatFailure) {
            return error.getMessage();
        }
        // a bug here must not cost the consolidation; its type is shown, its message may hold anything
        return "unexpected " + error.getClass().getSimpleName();
    }

    private Mono<Consolidation> fallBack(ConsolidationInput input, String reason) {
        fallbacks.record(input.namespace(), input.agentId(), reason);
        return fallback.consolidate(input)
                .map(heuristic -> new Consolidation(heuristic.changes(), heuristic.source(), NAME + ": " + reason));
    }
}
