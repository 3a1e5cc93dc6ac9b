package dev.engram.adapters.sqlite;

import dev.engram.domain.json.JsonObject;
import dev.engram.domain.trajectory.Outcome;
import dev.engram.domain.trajectory.Trajectory;
import dev.engram.testkit.Trajectories;
import java.util.ArrayList;
import java.util.List;

/** The batches the kill test's child records: the same run and batch number always give the same trajectories. */
final class DurabilityBatches {
    static final int SIZE = 10;
    static final String NS = "durability";

    private DurabilityBatches() {
    }

    static List<Trajectory> batch(int run, int batch) {
        List<Trajectory> out = new ArrayList<>(SIZE);
        for (int i = 0; i < SIZE; i++) {
            String id = id(run, batch, i);
            out.add(Trajectories.plain(id).agentId("agent-" + run).reward((i % 5) / 4.0)
                    .finalOutcome(Outcome.values()[i % 3]).createdAt(Trajectories.T0.plusSeconds(batch * 60L + i))
                    .metadata(JsonObject.builder().put("payload", (id + " ").repeat(2_000 / (id.length() + 1))).build())
                    .build());
        }
        return out;
    }

    static String id(int run, int batch, int item) {
        return "r" + run + "-b" + batch + "-i" + item;
    }

    /** The (run, batch) an id belongs to, as "r1-b7". */
    static String batchOf(String id) {
        return id.substring(0, id.lastIndexOf("-i"));
    }
}
