package dev.engram.adapters.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.application.port.out.Change;
import dev.engram.domain.trajectory.Trajectory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} in the middle of recording, several times over one file: every batch the store acknowledged is
 * there with exactly the content sent, and no batch is there in part. (A killed process leaves the operating
 * system's cache behind, so this proves atomic, acknowledged-means-committed writes; surviving power loss rests on
 * {@code synchronous=FULL}, which syncs the log before a commit returns.)
 */
class SqliteKillTest {
    private static final int RUNS = 4;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void acknowledgedBatchesSurviveKillMinusNine_andNoBatchIsHalfWritten() throws Exception {
        Path file = dir.resolve("engram.db");
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<List<Integer>> acknowledged = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            acknowledged.add(recordUntilKilled(file, run, 2 + random.nextInt(25)));
        }

        try (SqliteDatabase db = SqliteDatabase.open(SqliteConfig.defaults(dir), false)) {
            SqliteTrajectoryStore store = new SqliteTrajectoryStore(db);
            for (int run = 0; run < RUNS; run++) {
                for (int batch : acknowledged.get(run)) {
                    List<Trajectory> sent = DurabilityBatches.batch(run, batch);
                    List<String> ids = sent.stream().map(Trajectory::trajectoryId).collect(Collectors.toList());
                    assertThat(store.getAll(DurabilityBatches.NS, ids).collectList().block())
                            .as("acknowledged batch %d of run %d (seed %d)", batch, run, seed).isEqualTo(sent);
                }
            }
            List<Trajectory> stored = store.streamAll(DurabilityBatches.NS).collectList().block();
            Map<String, List<Trajectory>> byBatch = stored.stream()
                    .collect(Collectors.groupingBy(t -> DurabilityBatches.batchOf(t.trajectoryId())));
            byBatch.forEach((batch, items) -> assertThat(items).as("batch %s is whole (seed %d)", batch, seed)
                    .hasSize(DurabilityBatches.SIZE));
            List<Change> feed = store.changesSince(DurabilityBatches.NS, 0, 1_000_000).collectList().block();
            assertThat(feed).hasSize(stored.size());
            assertThat(feed).extracting(Change::sequence).isSorted().doesNotHaveDuplicates();
        }
    }

    /** Starts the child, reads its acknowledgements until {@code killAfter} of them, then kills it without warning. */
    private List<Integer> recordUntilKilled(Path file, int run, int killAfter) throws IOException, InterruptedException {
        Path errors = dir.resolve("child-" + run + ".err");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DurabilityChild.class.getName(), file.toString(), Integer.toString(run))
                .redirectError(errors.toFile())
                .start();
        List<Integer> acknowledged = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged.size() < killAfter && (line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    acknowledged.add(Integer.parseInt(line.substring(4)));
                }
            }
            child.destroyForcibly();
            child.waitFor();
        }
        assertThat(acknowledged).as("the child acknowledged batches before it was killed; its errors: %s",
                Files.exists(errors) ? Files.readString(errors) : "none").hasSize(killAfter);
        return acknowledged;
    }
}
