package dev.engram.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    @Test
    void aBurstOfTwiceTheRateThenOneRequestPerRefill() {
        AtomicLong now = new AtomicLong();
        RateLimiter limiter = new RateLimiter(10, now::get);
        for (int i = 0; i < 20; i++) {
            assertThat(limiter.acquire("k")).as("request " + i).isZero();
        }
        assertThat(limiter.acquire("k")).isEqualTo(1);
        assertThat(limiter.acquire("other")).as("each key has its own bucket").isZero();
        now.addAndGet(100_000_000L); // 0.1 s: one token back
        assertThat(limiter.acquire("k")).isZero();
        assertThat(limiter.acquire("k")).isEqualTo(1);
    }

    @Test
    void zeroMeansUnlimited() {
        RateLimiter limiter = new RateLimiter(0, System::nanoTime);
        for (int i = 0; i < 1_000; i++) {
            assertThat(limiter.acquire("k")).isZero();
        }
    }
}
