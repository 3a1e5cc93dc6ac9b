package dev.engram.adapters.redis.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@code redis-server} process started by a test, on its own loopback port and in its own temp directory (its
 * log is {@code redis.log} there). {@link #kill()} is {@code kill -9}; {@link #shutdown()} is a graceful
 * {@code SHUTDOWN} (which writes the AOF out); {@link #restart()} starts it again on the same port and directory,
 * so that it reloads what it persisted.
 */
public final class RedisServer implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final int port;
    private final Path dir;
    private final List<String> arguments;
    private Process process;

    RedisServer(int port, Path dir, List<String> arguments) {
        this.port = port;
        this.dir = dir;
        this.arguments = List.copyOf(arguments);
    }

    public int port() {
        return port;
    }

    public Path dir() {
        return dir;
    }

    /** {@code redis://127.0.0.1:port}. */
    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    public boolean running() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    synchronized void start() {
        if (running()) {
            throw new IllegalStateException("redis-server on port " + port + " is already running");
        }
        List<String> command = new ArrayList<>();
        command.add(RedisServers.executable("redis-server"));
        command.add("--port");
        command.add(Integer.toString(port));
        command.add("--bind");
        command.add("127.0.0.1");
        command.add("--dir");
        command.add(dir.toString());
        command.add("--logfile");
        command.add(dir.resolve("redis.log").toString());
        command.add("--daemonize");
        command.add("no");
        command.addAll(arguments);
        try {
            process = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("redis.out").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        awaitReady();
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server on port " + port + " exited with " + process.exitValue() + ": " + log());
            }
            try {
                String reply = command("PING");
                if (reply.startsWith("+PONG") || reply.startsWith("-NOAUTH")) {
                    return;
                }
                // -LOADING while it reads its AOF: wait
            } catch (IOException notYet) {
                // not listening yet
            }
            sleep(20);
        }
        process.destroyForcibly();
        throw new IllegalStateException("redis-server on port " + port + " did not answer PING within " + START_TIMEOUT + ": " + log());
    }

    /** Sends one inline command and returns the first line of the reply (e.g. {@code +PONG}, {@code $12}). */
    public String command(String... words) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder request = new StringBuilder("*").append(words.length).append("\r\n");
            for (String word : words) {
                byte[] bytes = word.getBytes(StandardCharsets.UTF_8);
                request.append('$').append(bytes.length).append("\r\n").append(word).append("\r\n");
            }
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            if (line.length() > 0 && line.charAt(0) == '$' && !line.toString().equals("$-1")) {
                // a bulk reply: return its body
                int length = Integer.parseInt(line.substring(1));
                byte[] body = in.readNBytes(length);
                return new String(body, StandardCharsets.UTF_8);
            }
            return line.toString();
        }
    }

    /** {@code kill -9}: nothing is flushed, as in a crash. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        waitFor(process);
    }

    /** A graceful {@code SHUTDOWN} (the AOF, if on, is written and synced). */
    public synchronized void shutdown() {
        if (!running()) {
            return;
        }
        try {
            command("SHUTDOWN");
        } catch (IOException e) {
            // the connection drops as the server exits
        }
        if (!waitFor(process)) {
            process.destroyForcibly();
            waitFor(process);
        }
    }

    /** Starts the server again on the same port and directory (after {@link #kill()} or {@link #shutdown()}). */
    public synchronized void restart() {
        if (running()) {
            shutdown();
        }
        start();
    }

    /** Stops the server (kill) and deletes its directory. */
    @Override
    public synchronized void close() {
        kill();
        RedisServers.deleteQuietly(dir);
    }

    /** The server's log, for failure messages. */
    public String log() {
        try {
            Path log = dir.resolve("redis.log");
            Path out = dir.resolve("redis.out");
            String text = (Files.exists(out) ? Files.readString(out) : "") + (Files.exists(log) ? Files.readString(log) : "");
            return text.length() > 4_000 ? text.substring(text.length() - 4_000) : text;
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static boolean waitFor(Process process) {
        try {
            return process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public String toString() {
        return "redis-server " + uri() + " in " + dir;
    }
}
