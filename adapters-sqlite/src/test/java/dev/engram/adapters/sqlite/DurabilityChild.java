package dev.engram.adapters.sqlite;

import dev.engram.application.port.out.UpsertOutcome;
import java.nio.file.Path;
import java.util.List;

/**
 * The process the kill test kills: records batches into the file, atomically, and prints {@code ACK <batch>} once
 * the store reported a batch stored — never before. Runs until it is killed.
 */
public final class DurabilityChild {
    private DurabilityChild() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int run = Integer.parseInt(args[1]);
        SqliteDatabase db = SqliteDatabase.open(SqliteConfig.defaults(file.getParent()).withPath(file), true);
        SqliteTrajectoryStore store = new SqliteTrajectoryStore(db);
        System.out.println("READY");
        System.out.flush();
        for (int batch = 0; ; batch++) {
            List<UpsertOutcome> outcomes = store.upsert(DurabilityBatches.NS, DurabilityBatches.batch(run, batch), true).block();
            if (!outcomes.stream().allMatch(o -> o.status() == UpsertOutcome.Status.INSERTED)) {
                throw new IllegalStateException("batch " + batch + " was not inserted: " + outcomes);
            }
            System.out.println("ACK " + batch);
            System.out.flush();
        }
    }
}
