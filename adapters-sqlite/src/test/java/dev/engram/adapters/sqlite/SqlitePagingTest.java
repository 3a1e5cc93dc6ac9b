package dev.engram.adapters.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.application.port.out.Change;
import dev.engram.application.port.out.StoredMemory;
import dev.engram.application.query.TrajectoryFilter;
import dev.engram.application.query.TrajectoryQuery;
import dev.engram.application.query.TrajectoryQuery.Order;
import dev.engram.domain.error.DomainException;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.stats.TimeBucket;
import dev.engram.domain.trajectory.Outcome;
import dev.engram.domain.trajectory.Trajectory;
import dev.engram.testkit.Trajectories;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the contract suite's small fleet does not reach: results longer than one internal page, cursors, old times. */
class SqlitePagingTest {
    private static final String NS = "default";

    @TempDir
    Path dir;

    private SqliteDatabase db;
    private SqliteTrajectoryStore store;

    @BeforeEach
    void open() {
        db = SqliteDatabase.open(SqliteConfig.defaults(dir), true);
        store = new SqliteTrajectoryStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void streamsAndFeedsAcrossManyInternalPages() {
        List<Trajectory> all = IntStream.range(0, 1_500).mapToObj(i -> Trajectories.plain(String.format("t%04d", i))
                .createdAt(Trajectories.T0.plusSeconds(1_500 - i)).build()).collect(Collectors.toList());
        store.upsert(NS, all, true).block();

        List<String> streamed = store.streamAll(NS).map(Trajectory::trajectoryId).collectList().block();
        List<String> oldestFirst = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0; i--) {
            oldestFirst.add(all.get(i).trajectoryId());
        }
        assertThat(streamed).isEqualTo(oldestFirst);
        assertThat(store.streamAll(NS).take(3).collectList().block()).hasSize(3);

        List<Change> first = store.changesSince(NS, 0, 1_200).collectList().block();
        assertThat(first).hasSize(1_200).extracting(Change::sequence).isSorted().doesNotHaveDuplicates();
        assertThat(store.changesSince(NS, first.get(first.size() - 1).sequence(), Integer.MAX_VALUE).collectList().block()).hasSize(300);
        assertThat(store.insertsOfAgentSince(NS, "agent", 0, 1_001).collectList().block()).hasSize(1_001);
    }

    @Test
    void streamingLargeTrajectoriesCutsPagesByBytes() {
        List<Trajectory> large = IntStream.range(0, 12).mapToObj(i -> Trajectories.large("big-" + (char) ('a' + i), 900_000))
                .collect(Collectors.toList());
        store.upsert(NS, large, true).block();
        assertThat(store.streamAll(NS).collectList().block()).isEqualTo(large);
    }

    @Test
    void streamsMemoriesAcrossPages() {
        SqliteMemoryStore memories = new SqliteMemoryStore(db);
        for (int i = 0; i < 40; i++) {
            memories.save(NS, String.format("agent-%02d", i), 0, JsonObject.builder().put("n", (long) i).build()).block();
        }
        assertThat(memories.streamAll(NS).map(StoredMemory::agentId).collectList().block())
                .isEqualTo(IntStream.range(0, 40).mapToObj(i -> String.format("agent-%02d", i)).collect(Collectors.toList()));
    }

    @Test
    void aCursorOfAnotherOrderOrNoCursorAtAllIsRefused() {
        store.upsert(NS, List.of(Trajectories.plain("a").build(), Trajectories.plain("b").build()), true).block();
        String cursor = store.query(NS, new TrajectoryQuery(TrajectoryFilter.ALL, Order.NEWEST_FIRST, 1, null)).block().nextCursor();
        assertThat(cursor).isNotNull();
        assertThatThrownBy(() -> store.query(NS, new TrajectoryQuery(TrajectoryFilter.ALL, Order.REWARD_ASC, 1, cursor)).block())
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
        assertThatThrownBy(() -> store.query(NS, new TrajectoryQuery(TrajectoryFilter.ALL, Order.NEWEST_FIRST, 1, "not-a-cursor!")).block())
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
    }

    @Test
    void timesBefore1970AndFarAheadSortAndBucketExactly() {
        Instant beforeEpoch = Instant.parse("1969-12-31T23:30:00.000000001Z");
        Instant farAhead = Instant.parse("2500-01-01T00:00:00Z");
        store.upsert(NS, List.of(
                Trajectories.of("old", "a", "t", "d", Outcome.SUCCESS, 1.0, beforeEpoch),
                Trajectories.of("epoch", "a", "t", "d", Outcome.FAILURE, 0.0, Instant.EPOCH),
                Trajectories.of("future", "a", "t", "d", Outcome.SUCCESS, 0.5, farAhead)), true).block();
        assertThat(store.streamAll(NS).map(Trajectory::trajectoryId).collectList().block()).containsExactly("old", "epoch", "future");
        assertThat(store.statistics(NS, TrajectoryFilter.ALL, TimeBucket.HOUR).block().series().keySet())
                .containsExactly(Instant.parse("1969-12-31T23:00:00Z"), Instant.EPOCH, farAhead);
        assertThat(store.get(NS, "old").block().createdAt()).isEqualTo(beforeEpoch);
    }
}
