package dev.engram.app.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The {@code engram} command as a user runs it: a child JVM on the test class path ({@code dev.engram.app.cli.Main},
 * started as {@link CommandJvm} says), its standard input fed, its output and exit code collected.
 */
public final class Engram {
    private static final long TIMEOUT_SECONDS = 120;
    /** Each run needs three threads at once (stdout, stderr, the wait); the common pool may have only one. */
    private static final ExecutorService THREADS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "engram-e2e-io");
        thread.setDaemon(true);
        return thread;
    });

    private final Path dataDir;
    private final Map<String, String> env;

    private Engram(Path dataDir, Map<String, String> env) {
        this.dataDir = dataDir;
        this.env = env;
    }

    /** The command with {@code --data-dir dir} before every command line. */
    public static Engram at(Path dataDir) {
        return new Engram(dataDir, Map.of());
    }

    /** The same command with extra environment variables. */
    public Engram withEnv(Map<String, String> extra) {
        return new Engram(dataDir, extra);
    }

    public Path dataDir() {
        return dataDir;
    }

    /** What one run did. */
    public record Result(int exit, String out, String err) {
        public Result expect(int code) {
            assertThat(exit).as("exit code; stderr: %s; stdout: %s", err, out.length() > 2_000 ? out.substring(0, 2_000) + "…" : out)
                    .isEqualTo(code);
            return this;
        }
    }

    public Result run(String... args) {
        return start(new byte[0], args).join();
    }

    public Result runWithInput(String input, String... args) {
        return start(input.getBytes(StandardCharsets.UTF_8), args).join();
    }

    /** Starts the command and returns at once (for runs at the same time). */
    public CompletableFuture<Result> start(byte[] input, String... args) {
        List<String> command = new ArrayList<>(List.of(CommandJvm.JAVA));
        command.addAll(CommandJvm.OPTIONS);
        command.add("dev.engram.app.cli.Main");
        if (dataDir != null) {
            command.add("--data-dir");
            command.add(dataDir.toString());
        }
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        // the suite's own ENGRAM_* variables must not configure the command under test
        builder.environment().keySet().removeIf(name -> name.startsWith("ENGRAM_"));
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            CompletableFuture<String> out = drain(process.getInputStream());
            CompletableFuture<String> err = drain(process.getErrorStream());
            CompletableFuture.runAsync(() -> {
                try (var stdin = process.getOutputStream()) {
                    stdin.write(input);
                } catch (IOException e) {
                    // the command may exit before it reads its input (a usage error): nothing to feed then
                }
            }, THREADS);
            return CompletableFuture.supplyAsync(() -> {
                try {
                    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                        throw new AssertionError("engram " + String.join(" ", args) + " did not finish in " + TIMEOUT_SECONDS + " s");
                    }
                    return new Result(process.exitValue(), out.join(), err.join());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }, THREADS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, THREADS);
    }

    /** Writes a file for the command to read. */
    public static Path write(Path dir, String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
