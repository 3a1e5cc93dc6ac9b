package dev.engram.domain.replay;

/** The leaf order of the index, (createdAt, id): the order reproducible draws and fifo / lifo are defined on. */
final class ItemOrder {

    private ItemOrder() {
    }

    static int compare(ReplayItem a, ReplayItem b) {
        int byTime = a.createdAt().compareTo(b.createdAt());
        return byTime != 0 ? byTime : a.id().compareTo(b.id());
    }

    static boolean before(ReplayItem a, ReplayItem b) {
        return compare(a, b) < 0;
    }
}
