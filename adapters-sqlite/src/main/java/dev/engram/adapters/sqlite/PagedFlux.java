package dev.engram.adapters.sqlite;

import java.util.List;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A long result streamed page by page, each page its own short read: memory stays at a page or two whatever the
 * size of the result, no read transaction stays open while a slow consumer works (it would hold back checkpoints),
 * and the next page is read only when the consumer asks for more.
 */
final class PagedFlux {
    /** One page and the key to read the next one from; {@code next} is null after the last page. */
    record Page<T, K>(List<T> items, K next) {
    }

    private PagedFlux() {
    }

    static <T, K> Flux<T> of(K first, Function<K, Mono<Page<T, K>>> fetch) {
        return fetch.apply(first)
                .expand(page -> page.next() == null ? Mono.empty() : fetch.apply(page.next()))
                .concatMapIterable(Page::items, 1);
    }
}
