package dev.engram.app.cli;

/**
 * What a command may do to a data dir that is not there yet. Only the commands that bring data in create one
 * ({@code record}, {@code import}, {@code demo}); every other command — reads, and the writes that change only what
 * exists ({@code priorities}, {@code consolidate}, {@code prune}, {@code memory forget}) — says it found nothing and
 * exits 4, so a mistyped {@code --data-dir} never leaves an empty store behind.
 */
public enum Access {
    /** Needs existing data; creates nothing. */
    EXISTING,
    /** Creates the data dir and the store when they are missing. */
    CREATE
}
