package dev.engram.application.service;

import static dev.engram.application.service.Fixture.NS;
import static dev.engram.application.service.Fixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.application.port.in.ConsolidateCommand;
import dev.engram.application.port.in.ConsolidationReport;
import dev.engram.application.port.in.ExportQuery;
import dev.engram.application.port.in.ForgetReport;
import dev.engram.application.port.in.ImportCommand;
import dev.engram.application.port.in.ImportReport;
import dev.engram.application.port.in.InputItem;
import dev.engram.application.port.in.PriorityReport;
import dev.engram.application.port.in.PruneCommand;
import dev.engram.application.port.in.SampleCommand;
import dev.engram.application.port.in.SampleResult;
import dev.engram.application.port.in.StatisticsQuery;
import dev.engram.application.port.in.StatisticsReport;
import dev.engram.application.port.in.TopQuery;
import dev.engram.application.port.in.UpdatePrioritiesCommand;
import dev.engram.application.query.TrajectoryFilter;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.JsonValue;
import dev.engram.domain.replay.ReplayStrategy;
import dev.engram.domain.replay.SampleRequest;
import dev.engram.domain.trajectory.Outcome;
import dev.engram.domain.trajectory.Trajectory;
import dev.engram.testkit.InMemoryMemoryStore;
import dev.engram.testkit.InMemoryReplaySnapshotStore;
import dev.engram.testkit.InMemoryTrajectoryStore;
import dev.engram.testkit.Trajectories;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReplayAndLifecycleTest {
    private final Fixture fx = new Fixture();

    private void fill(Fixture target, int n) {
        List<Trajectory> all = new ArrayList<>();
        String[] agents = {"alice", "bob"};
        String[] domains = {"code", "ops", "web"};
        for (int i = 0; i < n; i++) {
            all.add(Trajectories.plain(String.format("t%03d", i)).agentId(agents[i % 2]).taskId("task" + (i % 3)).domain(domains[i % 3])
                    .finalOutcome(Outcome.values()[i % 3]).reward((i % 5) / 4.0).loss(i % 4 == 0 ? null : (i % 7) / 3.0)
                    .createdAt(Trajectories.T0.plusSeconds(60L * i)).build());
        }
        target.record(all.toArray(Trajectory[]::new));
    }

    private SampleResult sample(Fixture target, SampleRequest request, long seed) {
        return target.services.sample().sample(new SampleCommand(NS, request, seed)).block(WAIT);
    }

    private static List<String> ids(SampleResult result) {
        return result.items().stream().map(i -> i.trajectory().trajectoryId()).collect(Collectors.toList());
    }

    @Test
    void theSameSeedGivesTheSameBatch_andAnotherProcessSeesNewRecordsWithoutARestart() {
        fill(fx, 60);
        SampleRequest request = SampleRequest.of(16, ReplayStrategy.PRIORITIZED);
        SampleResult a = sample(fx, request, 7);
        Fixture other = fx.secondProcess();
        SampleResult b = sample(other, request, 7);
        assertThat(ids(a)).hasSize(16).isEqualTo(ids(b));
        assertThat(a.items()).allSatisfy(i -> {
            assertThat(i.probability()).isBetween(0.0, 1.0);
            assertThat(i.weight()).isBetween(0.0, 1.0);
        });

        other.record(Trajectories.plain("fresh").createdAt(Trajectories.T0.plusSeconds(999_999)).build());
        SampleResult newest = sample(fx, SampleRequest.of(1, ReplayStrategy.LIFO), 1);
        assertThat(ids(newest)).containsExactly("fresh");
    }

    @Test
    void aSnapshotLetsANewProcessSkipTheRebuild_andStillCatchUp() {
        JsonObject config = JsonObject.builder().put("replay", JsonObject.builder().put("snapshot_every", 10L).build()).build();
        Fixture first = new Fixture(new InMemoryTrajectoryStore(), new InMemoryMemoryStore(), new InMemoryReplaySnapshotStore(), config);
        fill(first, 40);
        SampleResult before = sample(first, SampleRequest.of(8, ReplayStrategy.UNIFORM), 3);
        assertThat(first.snapshots.saved()).isEqualTo(1);
        first.record(Trajectories.plain("late").createdAt(Trajectories.T0.plusSeconds(500_000)).build());

        Fixture second = new Fixture(first.store, first.memories, first.snapshots, config);
        assertThat(ids(sample(second, SampleRequest.of(1, ReplayStrategy.LIFO), 1))).containsExactly("late");
        first.store.delete(NS, "late").block(WAIT);
        assertThat(ids(sample(second, SampleRequest.of(8, ReplayStrategy.UNIFORM), 3))).isEqualTo(ids(before));
    }

    @Test
    void prioritiesChangeWhatIsDrawn_andDrawsCountAsReplays() {
        fill(fx, 30);
        PriorityReport report = fx.services.priorities().update(new UpdatePrioritiesCommand(NS, Map.of("t001", 1000.0, "ghost", 1.0))).block(WAIT);
        assertThat(report.updated()).isEqualTo(1);
        assertThat(report.unknown()).containsExactly("ghost");
        SampleResult top = sample(fx, SampleRequest.of(1, ReplayStrategy.TOP), 1);
        assertThat(ids(top)).containsExactly("t001");
        sample(fx, SampleRequest.of(10, ReplayStrategy.UNIFORM).withReplacement(true), 5);
        StatisticsReport stats = fx.services.statistics().statistics(new StatisticsQuery(NS, "alice", null, null)).block(WAIT);
        assertThat(stats.replay().totalReplays()).isEqualTo(11);
        assertThat(stats.replay().size()).isEqualTo(30);
        assertThat(stats.trajectories().total()).isEqualTo(15);
        assertThat(stats.memory().totalEpisodes()).isEqualTo(15);
    }

    @Test
    void topReturnsBestSuccessesAndWorstFailures() {
        fill(fx, 30);
        List<Trajectory> best = fx.services.top().top(new TopQuery(NS, "task0", TopQuery.Kind.SUCCESSES, 3)).block(WAIT);
        assertThat(best).allSatisfy(t -> assertThat(t.finalOutcome()).isEqualTo(Outcome.SUCCESS));
        assertThat(best).extracting(Trajectory::reward).isSortedAccordingTo((x, y) -> Double.compare(y, x));
        List<Trajectory> worst = fx.services.top().top(new TopQuery(NS, "task1", TopQuery.Kind.FAILURES, 3)).block(WAIT);
        assertThat(worst).allSatisfy(t -> assertThat(t.finalOutcome()).isEqualTo(Outcome.FAILURE));
        assertThat(worst).extracting(Trajectory::reward).isSorted();
    }

    @Test
    void forgetErasesTheAgentEverywhere_andNothingElse() {
        fill(fx, 30);
        sample(fx, SampleRequest.of(1, ReplayStrategy.UNIFORM), 1);
        ForgetReport report = fx.services.forget().forget(NS, "alice").block(WAIT);
        assertThat(report.trajectories()).isEqualTo(15);
        assertThat(report.memory()).isTrue();
        assertThat(report.indexEntries()).isEqualTo(15);
        assertThat(fx.store.count(NS, TrajectoryFilter.agent("alice")).block(WAIT)).isZero();
        assertThat(fx.services.showMemory().show(NS, "alice").block(WAIT)).isNull();
        assertThat(fx.store.count(NS, TrajectoryFilter.agent("bob")).block(WAIT)).isEqualTo(15);
        assertThat(fx.services.showMemory().show(NS, "bob").block(WAIT).state().totalEpisodes()).isEqualTo(15);
        SampleResult rest = sample(fx, SampleRequest.of(100, ReplayStrategy.UNIFORM), 2);
        assertThat(rest.items()).hasSize(15).allSatisfy(i -> assertThat(i.trajectory().agentId()).isEqualTo("bob"));
    }

    @Test
    void pruneDeletesOnlyOldTrajectories() {
        fill(fx, 10);
        fx.tick.set(Duration.ofDays(30).toSeconds());
        fx.record(Trajectories.plain("recent").createdAt(java.time.Instant.parse("2026-11-30T00:00:00Z")).build());
        assertThat(fx.services.prune().prune(new PruneCommand(NS, Duration.ofDays(7))).block(WAIT)).isEqualTo(10);
        assertThat(fx.store.count(NS, TrajectoryFilter.ALL).block(WAIT)).isEqualTo(1);
    }

    @Test
    void aDryRunProposesWithoutStoring() {
        for (int i = 0; i < 5; i++) {
            fx.record(Trajectories.plain("h" + i).agentId("dana").reward(0.9).build());
        }
        List<ConsolidationReport> dry = fx.services.consolidate().consolidate(new ConsolidateCommand(NS, "dana", true)).block(WAIT);
        assertThat(dry).singleElement().satisfies(r -> {
            assertThat(r.changes()).isNotEmpty();
            assertThat(r.applied()).isFalse();
            assertThat(r.source()).isEqualTo("heuristic");
        });
        assertThat(fx.services.showMemory().show(NS, "dana").block(WAIT).state().globalRules()).isEmpty();
        fx.services.consolidate().consolidate(new ConsolidateCommand(NS, null, false)).block(WAIT);
        assertThat(fx.services.showMemory().show(NS, "dana").block(WAIT).state().globalRules()).isNotEmpty();
    }

    @Test
    void exportAllThenImportRestoresEverything_andARerunAddsNothing() {
        fill(fx, 40);
        sample(fx, SampleRequest.of(12, ReplayStrategy.UNIFORM).withReplacement(true), 9);
        List<JsonObject> lines = fx.services.export().export(new ExportQuery(NS, ExportQuery.What.ALL)).collectList().block(WAIT);
        assertThat(lines).hasSize(1 + 40 + 2);

        Fixture target = new Fixture();
        ImportCommand command = new ImportCommand(NS, () -> IntStream.range(0, lines.size())
                .mapToObj(i -> new InputItem(i, i + 1, lines.get(i), null)), false, null, 7, ImportCommand.Progress.none());
        ImportReport report = target.services.importer().importItems(command).block(WAIT);
        assertThat(report.stored()).isEqualTo(40);
        assertThat(report.refused()).isZero();
        assertThat(report.memoriesRestored()).isEqualTo(2);

        assertThat(target.store.streamAll(NS).collectList().block(WAIT)).isEqualTo(fx.store.streamAll(NS).collectList().block(WAIT));
        assertThat(target.store.totalReplays(NS).block(WAIT)).isEqualTo(12);
        assertThat(target.services.showMemory().show(NS, "alice").block(WAIT).state())
                .isEqualTo(fx.services.showMemory().show(NS, "alice").block(WAIT).state());

        ImportReport rerun = target.services.importer().importItems(command).block(WAIT);
        assertThat(rerun.stored()).isZero();
        assertThat(rerun.unchanged()).isEqualTo(40);
        assertThat(rerun.memoriesSkipped()).containsExactlyInAnyOrder("alice", "bob");
        assertThat(target.store.totalReplays(NS).block(WAIT)).isEqualTo(12);
        assertThat(target.services.showMemory().show(NS, "alice").block(WAIT).state().totalEpisodes()).isEqualTo(20);
    }

    @Test
    void anImportWithOneBadLineStoresNothing_orTheRestWhenPartial() {
        List<JsonValue> lines = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            lines.add(dev.engram.domain.trajectory.TrajectoryWriter.toJson(Trajectories.plain("i" + i).build()));
        }
        lines.set(6, JsonObject.builder().put("agent_id", "a").build());
        ImportCommand strict = new ImportCommand(NS, () -> IntStream.range(0, lines.size())
                .mapToObj(i -> new InputItem(i, i + 1, lines.get(i), null)), false, null, 3, ImportCommand.Progress.none());
        ImportReport refused = fx.services.importer().importItems(strict).block(WAIT);
        assertThat(refused.refused()).isEqualTo(1);
        assertThat(refused.problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(7));
        assertThat(fx.store.count(NS, TrajectoryFilter.ALL).block(WAIT)).isZero();

        ImportCommand partial = new ImportCommand(NS, strict.source(), true, null, 3, ImportCommand.Progress.none());
        assertThat(fx.services.importer().importItems(partial).block(WAIT).stored()).isEqualTo(9);
    }
}
