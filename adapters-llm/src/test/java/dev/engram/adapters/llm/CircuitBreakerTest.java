package dev.engram.adapters.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Open after the threshold, shut for the period, then one trial call decides. */
class CircuitBreakerTest {
    private final AtomicLong now = new AtomicLong();
    private final CircuitBreaker breaker = new CircuitBreaker(2, Duration.ofSeconds(60), now::get);

    @Test
    void opensAfterConsecutiveFailures_onlyThose() {
        breaker.onFailure();
        breaker.onSuccess();
        breaker.onFailure();
        assertThat(breaker.tryAcquire()).isTrue();
        breaker.onFailure();
        assertThat(breaker.tryAcquire()).isFalse();
        assertThat(breaker.secondsUntilRetry()).isEqualTo(60);
    }

    @Test
    void afterThePeriodOneTrialGoes_successCloses() {
        breaker.onFailure();
        breaker.onFailure();
        now.addAndGet(Duration.ofSeconds(61).toNanos());

        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.tryAcquire()).isFalse();
        breaker.onSuccess();
        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    void aFailedTrialOpensItAgainAtOnce() {
        breaker.onFailure();
        breaker.onFailure();
        now.addAndGet(Duration.ofSeconds(61).toNanos());
        assertThat(breaker.tryAcquire()).isTrue();

        breaker.onFailure();

        assertThat(breaker.tryAcquire()).isFalse();
    }

    @Test
    void aNeutralEndOfTheTrialLetsTheNextCallTry() {
        breaker.onFailure();
        breaker.onFailure();
        now.addAndGet(Duration.ofSeconds(61).toNanos());
        assertThat(breaker.tryAcquire()).isTrue();

        breaker.onNeutral();

        assertThat(breaker.tryAcquire()).isTrue();
    }
}
