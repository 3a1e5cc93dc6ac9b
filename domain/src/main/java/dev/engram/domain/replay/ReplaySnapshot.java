package dev.engram.domain.replay;

/**
 * An index as it was after the store's change {@code changeSequence}: the application loads it and catches up with
 * the changes after that sequence instead of rebuilding from every item.
 *
 * @param changeSequence the store's change sequence the index reflects
 * @param index          the index
 */
public record ReplaySnapshot(long changeSequence, ReplayIndex index) {
}
