package dev.engram.app.cli.e2e;

import java.nio.file.Path;
import java.util.List;

/** The write buffer's faults ({@link WriteBufferFaultsContract}) with SQLite as the long-term store: a file in each data dir. */
class WriteBufferFaultsIT extends WriteBufferFaultsContract {
    @Override
    List<String> longTermStore(Path data) {
        return List.of("storage: sqlite"); // a fresh data dir per configuration: a fresh database
    }

    @Override
    String longTermStoreName() {
        return "SQLite";
    }
}
