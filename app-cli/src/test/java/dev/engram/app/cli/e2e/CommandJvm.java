package dev.engram.app.cli.e2e;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * How the suite starts the command's JVMs, set up once: the test class path with its class folders packed into jars,
 * a class-data-sharing archive made by one warm-up run (class data sharing needs jars, not folders), and SQLite's
 * native library unpacked once. Each only makes a JVM start sooner — a quarter to a third of a second of the
 * second or so a one-shot command takes — and each falls back to the plain way when it cannot be set up.
 */
final class CommandJvm {
    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    /** Everything between {@code java} and the main class. */
    static final List<String> OPTIONS = setUp();

    private CommandJvm() {
    }

    private static List<String> setUp() {
        List<String> options = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                // JVM warnings go to stderr, never into the JSON a test reads from stdout
                "-Xlog:disable", "-Xlog:all=warning:stderr"));
        options.addAll(sqliteNative());
        try {
            Path dir = Files.createTempDirectory("engram-e2e-jvm");
            deleteAtExit(dir);
            String classPath = packedClassPath(dir);
            options.add("-cp");
            options.add(classPath);
            Path archive = dir.resolve("engram.jsa");
            if (warmUp(options, archive, dir) && Files.size(archive) > 0) {
                options.add("-XX:SharedArchiveFile=" + archive);
            }
            return options;
        } catch (IOException e) {
            options.addAll(List.of("-cp", System.getProperty("java.class.path")));
            return options;
        }
    }

    private static String packedClassPath(Path dir) throws IOException {
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path)) {
                Path jar = dir.resolve("classes-" + (n++) + ".jar");
                pack(path, jar);
                entries.add(jar.toString());
            } else if (Files.exists(path)) {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static void pack(Path folder, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> files = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                out.putNextEntry(new JarEntry(folder.relativize(path).toString().replace('\\', '/')));
                Files.copy(path, out);
                out.closeEntry();
            }
        }
    }

    /** One command run that records a trajectory, with the archive of the classes it loaded written at its exit. */
    private static boolean warmUp(List<String> options, Path archive, Path dir) {
        List<String> command = new ArrayList<>(List.of(JAVA, "-XX:ArchiveClassesAtExit=" + archive));
        command.addAll(options);
        command.addAll(List.of("dev.engram.app.cli.Main", "--data-dir", dir.resolve("warm-up").toString(), "record", "-"));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(Runs.line("warm", 1).getBytes(StandardCharsets.UTF_8));
            }
            return process.waitFor(120, TimeUnit.SECONDS) && process.exitValue() == 0 && Files.exists(archive);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SQLite's native library unpacked once: by default every process unpacks its own copy from the jar. */
    private static List<String> sqliteNative() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch");
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return List.of();
        }
        String name = System.mapLibraryName("sqlitejdbc");
        try (InputStream library = ClassLoader.getSystemResourceAsStream("org/sqlite/native/Linux/x86_64/" + name)) {
            if (library == null) {
                return List.of();
            }
            Path dir = Files.createTempDirectory("engram-e2e-sqlite");
            deleteAtExit(dir);
            Files.copy(library, dir.resolve(name));
            return List.of("-Dorg.sqlite.lib.path=" + dir, "-Dorg.sqlite.lib.name=" + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteAtExit(Path dir) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException e) {
                // a temporary folder left behind is the system's to clean
            }
        }));
    }
}
