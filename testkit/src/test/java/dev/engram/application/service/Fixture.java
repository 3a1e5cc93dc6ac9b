package dev.engram.application.service;

import dev.engram.application.config.ConfigSection;
import dev.engram.application.config.EngramSettings;
import dev.engram.application.port.in.InputItem;
import dev.engram.application.port.in.RecordCommand;
import dev.engram.application.port.in.RecordReport;
import dev.engram.application.port.out.Clock;
import dev.engram.application.port.out.Consolidator;
import dev.engram.application.port.out.MemoryStore;
import dev.engram.application.port.out.RandomSource;
import dev.engram.application.port.out.TrajectoryStore;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.JsonValue;
import dev.engram.domain.memory.ApproximateTokenCounter;
import dev.engram.domain.replay.ReplayRandom;
import dev.engram.domain.trajectory.Trajectory;
import dev.engram.domain.trajectory.TrajectoryWriter;
import dev.engram.testkit.InMemoryMemoryStore;
import dev.engram.testkit.InMemoryReplaySnapshotStore;
import dev.engram.testkit.InMemoryTrajectoryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** Services over the in-memory fakes, with a clock that ticks a second per reading and fixed randomness. */
final class Fixture {
    static final String NS = "default";
    static final Duration WAIT = Duration.ofSeconds(60);

    final InMemoryTrajectoryStore store;
    final InMemoryMemoryStore memories;
    final InMemoryReplaySnapshotStore snapshots;
    final EngramServices services;
    final AtomicLong tick = new AtomicLong();

    Fixture() {
        this(new InMemoryTrajectoryStore(), new InMemoryMemoryStore(), new InMemoryReplaySnapshotStore(), JsonObject.EMPTY);
    }

    Fixture(InMemoryTrajectoryStore store, InMemoryMemoryStore memories, InMemoryReplaySnapshotStore snapshots, JsonObject config) {
        this(store, memories, snapshots, config, new HeuristicConsolidator());
    }

    Fixture(TrajectoryStore store, MemoryStore memories, InMemoryReplaySnapshotStore snapshots, JsonObject config, Consolidator consolidator) {
        this.store = store instanceof InMemoryTrajectoryStore s ? s : null;
        this.memories = memories instanceof InMemoryMemoryStore m ? m : null;
        this.snapshots = snapshots;
        EngramSettings settings = EngramSettings.from(ConfigSection.root(config), Set.of());
        Clock clock = () -> Instant.parse("2026-11-01T00:00:00Z").plusSeconds(tick.incrementAndGet());
        RandomSource random = seed -> ReplayRandom.seeded(seed == null ? 42 : seed);
        services = new EngramServices(settings, store, memories, consolidator, snapshots, ApproximateTokenCounter.INSTANCE, clock, random);
    }

    /** A second process on the same stores: its own replay indexes and memory projector. */
    Fixture secondProcess() {
        return new Fixture(store, memories, snapshots, JsonObject.EMPTY);
    }

    RecordReport record(boolean partial, List<JsonValue> items) {
        List<InputItem> inputs = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            inputs.add(new InputItem(i, i + 1, items.get(i), null));
        }
        return services.record().record(new RecordCommand(NS, inputs, partial, null)).block(WAIT);
    }

    RecordReport record(Trajectory... trajectories) {
        List<JsonValue> items = new ArrayList<>();
        for (Trajectory t : trajectories) {
            items.add(TrajectoryWriter.toJson(t));
        }
        return record(false, items);
    }
}
