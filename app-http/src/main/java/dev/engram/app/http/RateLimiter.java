package dev.engram.app.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Requests per second per key, as a token bucket (bursts up to twice the rate). {@link #acquire} answers 0 when the
 * request may go, else the whole seconds after which one would (the {@code Retry-After}).
 */
final class RateLimiter {
    private final double perSecond;
    private final double burst;
    private final LongSupplier nanos;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    RateLimiter(int perSecond, LongSupplier nanos) {
        this.perSecond = perSecond;
        this.burst = Math.max(1, 2.0 * perSecond);
        this.nanos = nanos;
    }

    long acquire(String keyId) {
        if (perSecond <= 0) {
            return 0;
        }
        long now = nanos.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(keyId, k -> new Bucket(burst, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.at) / 1e9 * perSecond);
            bucket.at = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / perSecond));
        }
    }
}
