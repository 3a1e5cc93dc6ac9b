package dev.engram.adapters.redis.harness;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts {@code redis-server} processes for tests: each on a free loopback port (never the shared 6379) in a temp
 * directory, without persistence unless asked ({@code --save "" --appendonly no}). Needs the {@code redis-server}
 * and {@code redis-cli} programs (Debian: {@code sudo apt-get install -y redis-server redis-tools}; {@code .ci/run}
 * installs them).
 *
 * <pre>
 * try (RedisServer redis = RedisServers.start()) { ... redis.uri() ... }
 * RedisServers.start(Options.aof("always"))      // AOF on, fsync on every write
 * RedisServers.startCluster(3)                    // three masters, cluster_state:ok
 * RedisServers.shared()                           // one server for the whole JVM (contract tests; use own key prefixes)
 * RedisServers.sharedCluster()                    // one cluster for the whole JVM, likewise
 * </pre>
 */
public final class RedisServers {
    private static RedisServer shared;
    private static RedisCluster sharedCluster;

    private RedisServers() {
    }

    /** How a server is started. */
    public record Options(List<String> arguments) {
        public Options {
            arguments = List.copyOf(arguments);
        }

        /** In memory only: nothing is written to disk. */
        public static Options memory() {
            return new Options(List.of("--save", "", "--appendonly", "no"));
        }

        /** AOF on with {@code appendfsync} {@code always}, {@code everysec} or {@code no}; no RDB snapshots. */
        public static Options aof(String fsync) {
            if (!List.of("always", "everysec", "no").contains(fsync)) {
                throw new IllegalArgumentException("appendfsync must be always, everysec or no, got " + fsync);
            }
            return new Options(List.of("--save", "", "--appendonly", "yes", "--appendfsync", fsync));
        }

        /** These options plus more {@code redis-server} arguments. */
        public Options with(String... more) {
            List<String> all = new ArrayList<>(arguments);
            all.addAll(List.of(more));
            return new Options(all);
        }
    }

    /** A fresh in-memory server. */
    public static RedisServer start() {
        return start(Options.memory());
    }

    /** A fresh server with these options. */
    public static RedisServer start(Options options) {
        return startOn(options, false);
    }

    private static RedisServer startOn(Options options, boolean clusterBus) {
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            int port = freePort(clusterBus);
            Path dir = tempDir(port);
            RedisServer server = new RedisServer(port, dir, options.arguments());
            try {
                server.start();
                return server;
            } catch (IllegalStateException e) {
                // most likely the port was taken between finding it free and binding it: try another
                last = e;
                server.close();
            }
        }
        throw last;
    }

    /**
     * One in-memory server for the whole JVM, started on first use and stopped when the JVM exits. Tests sharing it
     * must keep out of each other's way (a key prefix of their own).
     */
    public static synchronized RedisServer shared() {
        if (shared == null || !shared.running()) {
            shared = start();
            RedisServer server = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "redis-server-shared-stop"));
        }
        return shared;
    }

    /**
     * One local three-master cluster for the whole JVM, started on first use and stopped when the JVM exits (tests
     * sharing it keep out of each other's way with key prefixes of their own).
     */
    public static synchronized RedisCluster sharedCluster() {
        if (sharedCluster == null || !sharedCluster.nodes().stream().allMatch(RedisServer::running)) {
            sharedCluster = startCluster(3);
            RedisCluster cluster = sharedCluster;
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "redis-cluster-shared-stop"));
        }
        return sharedCluster;
    }

    /**
     * A Redis Cluster of {@code masters} masters (no replicas) on loopback ports, created with
     * {@code redis-cli --cluster create} and returned once every node reports {@code cluster_state:ok}.
     */
    public static RedisCluster startCluster(int masters) {
        if (masters < 3) {
            throw new IllegalArgumentException("redis-cli --cluster create needs at least 3 masters, got " + masters);
        }
        List<RedisServer> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < masters; i++) {
                nodes.add(startOn(Options.memory().with("--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
                        "--cluster-node-timeout", "5000"), true));
            }
            List<String> command = new ArrayList<>(List.of(executable("redis-cli"), "--cluster", "create"));
            nodes.forEach(n -> command.add("127.0.0.1:" + n.port()));
            command.add("--cluster-replicas");
            command.add("0");
            command.add("--cluster-yes");
            run(command, nodes.get(0).dir().resolve("cluster-create.log"));
            awaitClusterOk(nodes);
            return new RedisCluster(nodes);
        } catch (RuntimeException e) {
            nodes.forEach(RedisServer::close);
            throw e;
        }
    }

    private static void awaitClusterOk(List<RedisServer> nodes) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            boolean ok = true;
            for (RedisServer node : nodes) {
                try {
                    ok &= node.command("CLUSTER", "INFO").contains("cluster_state:ok");
                } catch (IOException e) {
                    ok = false;
                }
            }
            if (ok) {
                return;
            }
            RedisServer.sleep(50);
        }
        throw new IllegalStateException("the cluster " + nodes + " did not reach cluster_state:ok within 30s");
    }

    private static void run(List<String> command, Path log) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not finish within 60s: " + Files.readString(log, StandardCharsets.UTF_8));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command + " failed with " + process.exitValue() + ": " + Files.readString(log, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    /**
     * A port free on loopback now; for a cluster node also port + 10000 (its cluster bus). Random in 20000–45000 so
     * that parallel test JVMs rarely collide (a collision is retried).
     */
    static int freePort(boolean clusterBus) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20_000, 45_000);
            if (free(port) && (!clusterBus || free(port + 10_000))) {
                return port;
            }
        }
        throw new IllegalStateException("no free loopback port found");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Path tempDir(int port) {
        try {
            return Files.createTempDirectory("engram-redis-" + port + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temp dir for redis-server", e);
        }
    }

    /** The full path of a Redis program, or a clear failure saying how to install it. */
    static String executable(String name) {
        String path = System.getenv("PATH");
        List<String> dirs = new ArrayList<>(path == null ? List.of() : List.of(path.split(File.pathSeparator)));
        dirs.addAll(List.of("/usr/bin", "/usr/local/bin", "/usr/sbin", "/opt/homebrew/bin"));
        for (String dir : dirs) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException(name + " was not found on the PATH: the Redis tests start their own servers. Install it with "
                + "'sudo apt-get install -y redis-server redis-tools' (Debian/Ubuntu) or 'brew install redis' (macOS); .ci/run does this itself");
    }

    static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temp dir left behind is harmless
        }
    }
}
