package dev.engram.adapters.mongo;

import java.time.Duration;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Waiting for a driver call, on the store's bounded scheduler (never an event-loop thread). */
final class Blocking {
    /** Longer than any socket timeout: the driver's own timeouts end a call first. */
    private static final Duration LIMIT = Duration.ofMinutes(10);

    private Blocking() {
    }

    static <T> T await(Mono<T> mono) {
        return mono.block(LIMIT);
    }

    static <T> T await(Publisher<T> publisher) {
        return Mono.from(publisher).block(LIMIT);
    }

    static <T> java.util.List<T> all(Publisher<T> publisher) {
        return Flux.from(publisher).collectList().block(LIMIT);
    }
}
