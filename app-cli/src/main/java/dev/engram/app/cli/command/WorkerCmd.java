package dev.engram.app.cli.command;

import dev.engram.app.cli.Access;
import dev.engram.app.cli.Session;
import dev.engram.application.config.EngramSettings;
import dev.engram.application.service.WriteBehindWorker;
import dev.engram.application.service.WriteBufferMetrics;
import dev.engram.domain.error.DomainException;
import dev.engram.domain.json.JsonObject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "worker",
        description = "Drain the write buffer (buffer: redis) into the long-term store until stopped (SIGTERM or Ctrl-C: the batch "
                + "in hand is stored and acknowledged first). Entries are acknowledged only once the store holds them, so a worker "
                + "killed at any point loses nothing: a worker of the same --consumer name takes up its pending entries when it "
                + "restarts, any other worker once they were idle for claim_idle. Without a buffer configured, record writes "
                + "straight into the store and there is nothing to drain: the command says so and exits 2.",
        footerHeading = "%nExamples:%n",
        footer = {"  engram --config examples/config/redis-sqlite.yaml worker",
                "  engram --config examples/config/redis-sqlite.yaml worker --once      # drain what is there, then exit",
                "  engram --config examples/config/redis-sqlite.yaml worker --consumer w2   # a second worker on this host"})
public final class WorkerCmd extends EngramSubcommand {
    private static final long STOP_WAIT_SECONDS = 60;

    @Option(names = "--once", description = "Drain what the buffer holds now (own pending entries, idle ones of dead workers, new ones), then exit.")
    boolean once;

    @Option(names = "--consumer", paramLabel = "NAME", description = "This worker's name in the consumer group (default: the host name). "
            + "Give each worker of one host its own; a restarted worker keeps its name to take up what it had read.")
    String consumer;

    @Override
    public Integer call() {
        EngramSettings settings = Session.settings(options(), terminal());
        if (settings.buffer() == null) {
            throw DomainException.invalidArgument("buffer", "no write buffer is configured (buffer: none), so there is nothing "
                    + "to drain: engram record writes straight into the store. Configure buffer: redis to put the Redis write buffer in front of it");
        }
        String name = consumer != null ? consumer : defaultConsumer();
        if (name.isBlank() || name.length() > 200) {
            throw DomainException.invalidArgument("--consumer", "must be 1 to 200 characters, got '" + name + "'");
        }
        try (Session session = open(Access.CREATE)) {
            WriteBehindWorker worker = session.services().worker(name);
            long drained;
            if (once) {
                drained = worker.drain();
            } else {
                drained = runUntilStopped(worker);
            }
            report(name, drained, worker.metrics().snapshot());
        }
        return 0;
    }

    private long runUntilStopped(WriteBehindWorker worker) {
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            worker.stop();
            try {
                finished.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS); // the batch in hand is stored and acknowledged
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "engram-worker-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        err().println("engram worker " + worker.consumer() + ": draining the write buffer; SIGTERM or Ctrl-C stops it");
        err().flush();
        try {
            worker.run();
        } finally {
            finished.countDown();
        }
        return worker.metrics().snapshot().drained();
    }

    private void report(String name, long drained, WriteBufferMetrics.Snapshot m) {
        if (json()) {
            printJson(JsonObject.builder().put("consumer", name).put("drained", drained).put("inserted", m.inserted())
                    .put("acknowledged", m.acknowledged()).put("dead_lettered", m.deadLettered()).put("claimed", m.claimed())
                    .put("batches", m.batches()).put("failures", m.failures()).put("lag", m.lag()).put("pending", m.pending()).build());
        } else {
            out().println("worker " + name + ": " + drained + " entries drained in " + m.batches() + " batches (" + m.inserted() + " new in the store, "
                    + m.deadLettered() + " dead-lettered, " + m.claimed() + " claimed from idle workers, " + m.failures() + " failures); buffer "
                    + (m.lag() < 0 ? "backlog unknown" : m.lag() + " behind, " + m.pending() + " pending"));
        }
    }

    private static String defaultConsumer() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "worker";
        }
    }
}
