package dev.engram.benchmarks.sqlite;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.engram.adapters.sqlite.SqliteConfig;
import dev.engram.adapters.sqlite.SqliteModule;
import dev.engram.application.port.out.TrajectoryStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Opening and removing benchmark databases through the plugin's public face, as an application would. */
final class BenchmarkFiles {
    private BenchmarkFiles() {
    }

    static Path newFolder() {
        try {
            return Files.createTempDirectory("engram-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TrajectoryStore open(SqliteConfig config) {
        Injector injector = Guice.createInjector(new SqliteModule(config, true));
        return injector.getInstance(TrajectoryStore.class);
    }

    /** Records {@code rows} benchmark trajectories in batches of 1000 and says how large the file became. */
    static void fill(TrajectoryStore store, String namespace, int rows, Path file) {
        for (int first = 0; first < rows; first += 1_000) {
            store.upsert(namespace, BenchmarkTrajectories.batch(first, Math.min(1_000, rows - first)), false).block();
        }
        System.out.printf("%n# %d trajectories, file %d MB%n", rows, size(file) >> 20);
    }

    static void close(TrajectoryStore store) throws Exception {
        ((AutoCloseable) store).close();
    }

    static void remove(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
