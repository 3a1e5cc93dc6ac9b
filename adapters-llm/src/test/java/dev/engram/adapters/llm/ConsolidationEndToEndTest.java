package dev.engram.adapters.llm;

import static dev.engram.adapters.llm.Endpoint.add;
import static dev.engram.adapters.llm.Endpoint.answer;
import static dev.engram.adapters.llm.Endpoint.operations;
import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.application.config.ConfigSection;
import dev.engram.application.config.EngramSettings;
import dev.engram.application.port.in.ConsolidateCommand;
import dev.engram.application.port.in.ConsolidationReport;
import dev.engram.application.port.in.InputItem;
import dev.engram.application.port.in.RecordCommand;
import dev.engram.application.port.out.Consolidator;
import dev.engram.application.service.EngramServices;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.memory.AgentMemoryState;
import dev.engram.domain.memory.ApproximateTokenCounter;
import dev.engram.domain.memory.Rule;
import dev.engram.domain.memory.RuleSource;
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
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * The consolidator inside engram's use cases (in-memory stores): {@code consolidate --dry-run} shows the model's
 * proposal and stores nothing, {@code consolidate} stores it, and the automatic trigger every N episodes survives
 * a failing endpoint with every episode recorded, then asks the model again at the next due consolidation.
 */
class ConsolidationEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String RULE = "[WORKS] Logs first: Read the service logs before changing anything.";

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private EngramServices services(Consolidator consolidator, int consolidateEvery) {
        JsonObject config = JsonObject.builder()
                .put("memory", JsonObject.builder().put("consolidate_every", consolidateEvery).build()).build();
        EngramSettings settings = EngramSettings.from(ConfigSection.root(config), Set.of());
        AtomicLong tick = new AtomicLong();
        return new EngramServices(settings, new InMemoryTrajectoryStore(), new InMemoryMemoryStore(), consolidator,
                new InMemoryReplaySnapshotStore(), ApproximateTokenCounter.INSTANCE,
                () -> Instant.parse("2026-11-01T00:00:00Z").plusSeconds(tick.incrementAndGet()),
                seed -> ReplayRandom.seeded(seed == null ? 42 : seed));
    }

    private static void record(EngramServices services, Trajectory... trajectories) {
        List<InputItem> items = new ArrayList<>();
        for (int i = 0; i < trajectories.length; i++) {
            items.add(new InputItem(i, i + 1, TrajectoryWriter.toJson(trajectories[i]), null));
        }
        assertThat(services.record().record(new RecordCommand("default", items, false, null)).block(WAIT)).isNotNull();
    }

    private static AgentMemoryState memory(EngramServices services) {
        return services.showMemory().show("default", Evidence.AGENT).block(WAIT).state();
    }

    private static Stream<Rule> rules(AgentMemoryState state) {
        return Stream.concat(state.globalRules().stream(), state.taskRules().values().stream().flatMap(List::stream));
    }

    @Test
    void aDryRunShowsTheModelsProposalAndStoresNothing_thenConsolidateStoresIt() {
        EngramServices services = services(Endpoint.consolidator(server), 100);
        record(services, Evidence.SUCCESS, Evidence.FAILURE);
        server.enqueue(answer(operations(add("Logs first", "Read the service logs before changing anything.", "works", "ok-1"))));
        server.enqueue(answer(operations(add("Logs first", "Read the service logs before changing anything.", "works", "ok-1"))));

        List<ConsolidationReport> dryRun = services.consolidate().consolidate(new ConsolidateCommand("default", Evidence.AGENT, true)).block(WAIT);
        assertThat(dryRun).singleElement().satisfies(report -> {
            assertThat(report.source()).isEqualTo("openai");
            assertThat(report.applied()).isFalse();
            assertThat(report.changes()).hasSize(1);
        });
        assertThat(rules(memory(services))).noneMatch(r -> r.source() == RuleSource.LLM);

        services.consolidate().consolidate(new ConsolidateCommand("default", Evidence.AGENT, false)).block(WAIT);
        assertThat(rules(memory(services))).filteredOn(r -> r.source() == RuleSource.LLM).extracting(Rule::text).containsExactly(RULE);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void theAutomaticTriggerFallsBackOnAFailingEndpoint_losesNoEpisode_andTriesTheModelAgainNextTime() {
        EngramServices services = services(Endpoint.consolidator(Endpoint.settings(server)
                .put("max_retries", 0L).put("breaker_open_for", "1ms").build()), 2);
        server.enqueue(Endpoint.error(503, "overloaded"));
        server.enqueue(answer(operations(add("Logs first", "Read the service logs before changing anything.", "works", "ok-1"))));

        record(services, Evidence.SUCCESS, Evidence.FAILURE);
        AgentMemoryState afterFallback = memory(services);
        assertThat(afterFallback.totalEpisodes()).isEqualTo(2);
        assertThat(afterFallback.lastConsolidatedAt()).isEqualTo(2);
        assertThat(rules(afterFallback)).noneMatch(r -> r.source() == RuleSource.LLM);
        assertThat(server.getRequestCount()).isEqualTo(1);

        record(services, Evidence.success("ok-2"), Evidence.success("ok-3"));
        AgentMemoryState afterModel = memory(services);
        assertThat(afterModel.totalEpisodes()).isEqualTo(4);
        assertThat(rules(afterModel)).filteredOn(r -> r.source() == RuleSource.LLM).extracting(Rule::text).containsExactly(RULE);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }
}
