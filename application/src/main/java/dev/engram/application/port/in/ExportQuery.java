package dev.engram.application.port.in;

import java.util.Objects;

/**
 * Export a namespace as JSON Lines. {@code TRAJECTORIES}: one trajectory per line, in the wire format (importable
 * by {@code record} and {@code import}). {@code ALL}: everything needed to restore or to move between backends — a
 * header line, each trajectory with its replay count (its loss is its priority), and every memory aggregate.
 */
public record ExportQuery(String namespace, What what) {
    public enum What {
        TRAJECTORIES,
        ALL
    }

    public ExportQuery {
        Namespaces.check(namespace);
        Objects.requireNonNull(what, "what");
    }
}
