package dev.engram.app.http;

import dev.engram.app.http.feed.InProcessLiveFeed;
import dev.engram.app.http.feed.LiveFeed;
import dev.engram.app.http.feed.LogLiveFeed;
import dev.engram.application.service.WriteBehindWorker;
import dev.engram.app.http.keys.ApiKey;
import dev.engram.app.http.keys.ApiKeys;
import dev.engram.app.http.keys.ApiRole;
import dev.engram.application.config.EngramSettings;
import dev.engram.domain.json.JsonArray;
import dev.engram.domain.json.JsonNull;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.JsonString;
import dev.engram.domain.json.JsonValue;
import dev.engram.domain.trajectory.Timestamps;
import dev.engram.json.JsonCodec;
import dev.engram.runtime.EngramRuntime;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The top of {@code engram-server}: the options both subcommands share (configuration as the command reads it). */
@Command(name = "engram-server", mixinStandardHelpOptions = true, version = "engram-server 0.1.0",
        description = "The engram HTTP API: every route of the command over HTTP, per-namespace API keys, metrics, a live feed.",
        subcommands = {ServerCommand.Serve.class, ServerCommand.Keys.class})
final class ServerCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", description = "The configuration file (YAML or JSON); ENGRAM_* variables override it.")
    Path config;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the embedded store (and, by default, the key file) lives.")
    Path dataDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Failures.USAGE;
    }

    EngramRuntime.Options options(boolean create) {
        Map<String, String> flags = new HashMap<>();
        if (dataDir != null) {
            flags.put("data_dir", dataDir.toString());
        }
        return new EngramRuntime.Options(config, System.getenv(), flags, create);
    }

    ApiKeys keys() {
        EngramSettings settings = EngramRuntime.settings(options(false));
        return new ApiKeys(settings.server().keyFile(), Clock.systemUTC());
    }

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Start the server; SIGTERM (Ctrl-C) stops it gracefully: in-flight requests finish, nothing acknowledged is lost.")
    static final class Serve implements Callable<Integer> {
        @ParentCommand
        ServerCommand parent;

        @Option(names = "--host", paramLabel = "HOST", description = "Listen on this address (server.host; default 127.0.0.1).")
        String host;

        @Option(names = "--port", paramLabel = "PORT", description = "Listen on this port (server.port; default 8080; 0: any free port).")
        Integer port;

        @Option(names = "--no-worker", description = "With a write buffer configured, do not drain it in this process: "
                + "an `engram worker` elsewhere does (the buffer holds what is recorded until one runs).")
        boolean noWorker;

        @Override
        public Integer call() throws InterruptedException {
            EngramRuntime.Options options = parent.options(true);
            Map<String, String> flags = new HashMap<>(options.flags());
            if (host != null) {
                flags.put("server.host", host);
            }
            if (port != null) {
                flags.put("server.port", Integer.toString(port));
            }
            EngramRuntime.Configured configured = ServerDefaults.configure(new EngramRuntime.Options(options.configFile(), options.env(), flags, true));
            EngramRuntime runtime = EngramRuntime.start(configured);
            EngramSettings settings = runtime.settings();
            ApiKeys keys = new ApiKeys(settings.server().keyFile(), Clock.systemUTC());
            // with a write buffer, the feed tails its log (every process's records) and this server drains it too
            LiveFeed feed = runtime.services().experienceLog().<LiveFeed>map(LogLiveFeed::new).orElseGet(() -> new InProcessLiveFeed(10_000));
            EngramServer server = new EngramServer(runtime.services(), settings, keys, feed, System.err);
            WriteBehindWorker worker = runtime.services().buffered() && !noWorker ? runtime.services().worker("engram-server@" + hostName()) : null;
            Thread draining = worker == null ? null : new Thread(worker::run, "engram-server-worker");
            try {
                server.start();
            } catch (RuntimeException e) {
                runtime.close();
                throw e;
            }
            if (draining != null) {
                draining.start();
            }
            if (keys.list().stream().noneMatch(ApiKey::active)) {
                System.err.println("engram-server: there are no API keys yet, so every /v1 route answers 401; create one with: "
                        + "engram-server keys create --namespace default --role write");
            }
            System.out.println("engram-server listening on http://" + settings.server().host() + ":" + server.port());
            System.out.flush();
            StopSignals.onStop(() -> {
                try {
                    server.stop();
                    if (worker != null) {
                        worker.stop(); // the batch in hand is stored and acknowledged before it returns
                        try {
                            draining.join(settings.server().shutdownTimeout().toMillis());
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                } finally {
                    runtime.close();
                }
            });
            server.awaitStop();
            return Failures.OK;
        }
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "server";
        }
    }

    @Command(name = "keys", mixinStandardHelpOptions = true, description = "Manage API keys (the key file holds salted hashes only).",
            subcommands = {Create.class, ListKeys.class, Revoke.class})
    static final class Keys implements Callable<Integer> {
        @ParentCommand
        ServerCommand parent;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getErr());
            return Failures.USAGE;
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a key; it is printed once and kept nowhere.")
    static final class Create implements Callable<Integer> {
        @ParentCommand
        Keys keys;

        @Option(names = "--namespace", required = true, paramLabel = "NS", description = "The namespace (tenant) the key sees, and only it.")
        String namespace;

        @Option(names = "--role", paramLabel = "ROLE", description = "read, write or admin (default: write).")
        String role = "write";

        @Option(names = "--label", paramLabel = "TEXT", description = "A note for keys list (who uses the key).")
        String label;

        @Option(names = "--json", description = "Print one JSON object.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ApiKeys.Created created = keys.parent.keys().create(namespace, ApiRole.parse(role), label);
            var out = spec.commandLine().getOut();
            if (json) {
                out.println(JsonCodec.instance().write(view(created.key()).put("key", created.token()).build()));
            } else {
                out.println(created.token());
                spec.commandLine().getErr().println("engram-server: key " + created.key().id() + " for namespace " + namespace + " with role "
                        + created.key().role().wireName() + "; it is shown only now, keep it secret (send it as Authorization: Bearer <key>)");
            }
            return Failures.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the keys: id, namespace, role, created, revoked (never the key).")
    static final class ListKeys implements Callable<Integer> {
        private static final String KEY_ROW = "%-12s  %-20s  %-5s  %-20s  %-20s  %s";

        @ParentCommand
        Keys keys;

        @Option(names = "--json", description = "Print one JSON object.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            List<ApiKey> all = keys.parent.keys().list();
            var out = spec.commandLine().getOut();
            if (json) {
                List<JsonValue> items = new ArrayList<>();
                all.forEach(k -> items.add(view(k).build()));
                out.println(JsonCodec.instance().write(JsonObject.builder().put("keys", new JsonArray(items)).build()));
                return Failures.OK;
            }
            if (all.isEmpty()) {
                out.println("no API keys yet (engram-server keys create --namespace NS --role read|write|admin)");
                return Failures.OK;
            }
            out.println(String.format(Locale.ROOT, KEY_ROW, "ID", "NAMESPACE", "ROLE", "CREATED", "REVOKED", "LABEL"));
            for (ApiKey k : all) {
                out.println(String.format(Locale.ROOT, KEY_ROW, k.id(), k.namespace(), k.role().wireName(),
                        Timestamps.format(k.createdAt()), k.revokedAt() == null ? "-" : Timestamps.format(k.revokedAt()), k.label()));
            }
            return Failures.OK;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a key by its id; a running server refuses it within a second.")
    static final class Revoke implements Callable<Integer> {
        @ParentCommand
        Keys keys;

        @Parameters(index = "0", paramLabel = "ID", description = "The key's id (keys list shows them).")
        String id;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            boolean revoked = keys.parent.keys().revoke(id);
            spec.commandLine().getOut().println(revoked ? "revoked " + id : id + " was revoked already");
            return Failures.OK;
        }
    }

    static JsonObject.Builder view(ApiKey k) {
        return JsonObject.builder().put("id", k.id()).put("namespace", k.namespace()).put("role", k.role().wireName())
                .put("label", k.label()).put("created_at", Timestamps.format(k.createdAt()))
                .put("revoked_at", k.revokedAt() == null ? JsonNull.NULL : new JsonString(Timestamps.format(k.revokedAt())));
    }
}
