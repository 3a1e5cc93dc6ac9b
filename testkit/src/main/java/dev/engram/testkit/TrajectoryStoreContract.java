package dev.engram.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.application.port.out.Change;
import dev.engram.application.query.TrajectoryFilter;
import dev.engram.application.query.TrajectoryPage;
import dev.engram.application.query.TrajectoryQuery;
import dev.engram.application.query.TrajectoryQuery.Order;
import dev.engram.application.port.out.TrajectoryStore;
import dev.engram.application.port.out.UpsertOutcome;
import dev.engram.application.port.out.UpsertOutcome.Status;
import dev.engram.domain.stats.GroupStats;
import dev.engram.domain.stats.RewardHistogram;
import dev.engram.domain.stats.TimeBucket;
import dev.engram.domain.stats.TrajectoryStatistics;
import dev.engram.domain.trajectory.Outcome;
import dev.engram.domain.trajectory.Trajectory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every behaviour a user relies on from a {@link TrajectoryStore}. Each adapter's test extends this and supplies a
 * fresh, empty store; a backend that legitimately differs overrides a capability method, never a test.
 */
public abstract class TrajectoryStoreContract {
    protected static final String NS = "tenant-a";
    protected static final String OTHER_NS = "tenant-b";
    private static final Duration WAIT = Duration.ofSeconds(30);

    protected TrajectoryStore store;

    /** A new, empty store for each test. */
    protected abstract TrajectoryStore createStore() throws Exception;

    /**
     * Whether the store computes the reward histogram ({@link TrajectoryStatistics#rewardHistogram()}). Every store on
     * main does; a store still being built may answer false until it does, and must then report none (null), never
     * zeros.
     */
    protected boolean reportsRewardHistogram() {
        return true;
    }

    /** Whether the store breaks a time series down per agent and per task (the dashboard's line charts); as above. */
    protected boolean reportsSeriesByAgentAndTask() {
        return true;
    }

    @BeforeEach
    void freshStore() throws Exception {
        store = createStore();
    }

    protected List<UpsertOutcome> upsert(String ns, boolean atomic, Trajectory... batch) {
        return store.upsert(ns, List.of(batch), atomic).block(WAIT);
    }

    protected List<UpsertOutcome> upsert(Trajectory... batch) {
        return upsert(NS, true, batch);
    }

    private Trajectory get(String ns, String id) {
        return store.get(ns, id).block(WAIT);
    }

    private List<Change> changes(long after) {
        return store.changesSince(NS, after, 10_000).collectList().block(WAIT);
    }

    private List<Trajectory> fleet() {
        List<Trajectory> all = new ArrayList<>();
        String[] agents = {"alice", "bob"};
        String[] tasks = {"deploy", "triage", "review"};
        String[] domains = {"code", "ops"};
        Outcome[] outcomes = Outcome.values();
        for (int i = 0; i < 30; i++) {
            all.add(Trajectories.of(String.format("t%02d", i), agents[i % 2], tasks[i % 3], domains[i % 2 == 0 ? 0 : 1],
                    outcomes[i % 3], (i % 7) / 6.0, Trajectories.T0.plusSeconds(3600L * (i / 2))));
        }
        return all;
    }

    @Test
    void storesAndReturnsATrajectoryExactly() {
        Trajectory t = Trajectories.plain("t1").loss(0.25).build();
        assertThat(upsert(t)).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(Status.INSERTED);
            assertThat(o.sequence()).isPositive();
        });
        assertThat(get(NS, "t1")).isEqualTo(t);
        assertThat(get(NS, "absent")).isNull();
    }

    @Test
    void oddPayloadsRoundTripExactly_keysNumbersUnicodeNesting() {
        Trajectory odd = Trajectories.oddPayload("odd-1");
        Trajectory deep = Trajectories.deeplyNested("deep-1");
        Trajectory large = Trajectories.large("large-1", 900_000);
        upsert(odd, deep, large);
        assertThat(get(NS, "odd-1")).isEqualTo(odd);
        assertThat(get(NS, "deep-1")).isEqualTo(deep);
        assertThat(get(NS, "large-1")).isEqualTo(large);
        assertThat(get(NS, "odd-1").contentHash()).isEqualTo(odd.contentHash());
    }

    @Test
    void aResendWithTheSameContentIsANoOp_keepingTheStoredLossAndTime() {
        Trajectory first = Trajectories.plain("t1").loss(0.5).createdAt(Trajectories.T0).build();
        upsert(first);
        long sequence = store.lastSequence(NS).block(WAIT);

        Trajectory resent = Trajectories.plain("t1").loss(0.9).createdAt(Trajectories.T0.plusSeconds(60)).build();
        assertThat(upsert(resent)).extracting(UpsertOutcome::status).containsExactly(Status.UNCHANGED);
        assertThat(get(NS, "t1")).isEqualTo(first);
        assertThat(store.lastSequence(NS).block(WAIT)).isEqualTo(sequence);
    }

    @Test
    void changedContentUnderAStoredIdIsAConflict_andChangesNothing() {
        Trajectory first = Trajectories.plain("t1").build();
        upsert(first);
        assertThat(upsert(Trajectories.plain("t1").reward(0.5).build())).extracting(UpsertOutcome::status).containsExactly(Status.CONFLICT);
        assertThat(get(NS, "t1")).isEqualTo(first);
    }

    @Test
    void anAtomicBatchWithAConflictStoresNothing_aPartialOneStoresTheRest() {
        upsert(Trajectories.plain("t1").build());
        Trajectory changed = Trajectories.plain("t1").reward(0.1).build();
        Trajectory fresh = Trajectories.plain("t2").build();

        assertThat(upsert(NS, true, fresh, changed)).extracting(UpsertOutcome::status).containsExactly(Status.NOT_STORED, Status.CONFLICT);
        assertThat(get(NS, "t2")).isNull();

        assertThat(upsert(NS, false, fresh, changed)).extracting(UpsertOutcome::status).containsExactly(Status.INSERTED, Status.CONFLICT);
        assertThat(get(NS, "t2")).isEqualTo(fresh);
    }

    @Test
    void namespacesAreIsolated() {
        Trajectory a = Trajectories.plain("same-id").build();
        Trajectory b = Trajectories.plain("same-id").reward(0.2).agentId("other").build();
        upsert(NS, true, a);
        assertThat(upsert(OTHER_NS, true, b)).extracting(UpsertOutcome::status).containsExactly(Status.INSERTED);
        assertThat(get(NS, "same-id")).isEqualTo(a);
        assertThat(get(OTHER_NS, "same-id")).isEqualTo(b);
        assertThat(store.count(OTHER_NS, TrajectoryFilter.agent("agent")).block(WAIT)).isZero();
        assertThat(store.deleteAgent(OTHER_NS, "agent").block(WAIT)).isZero();
        assertThat(store.changesSince(OTHER_NS, 0, 100).collectList().block(WAIT)).hasSize(1);
        assertThat(store.namespaces().collectList().block(WAIT)).containsExactly(NS, OTHER_NS);
    }

    @Test
    void everyInsertLossUpdateAndDeleteGetsAnIncreasingSequence() {
        List<UpsertOutcome> inserted = upsert(Trajectories.plain("a").build(), Trajectories.plain("b").agentId("bob").build());
        assertThat(inserted.get(1).sequence()).isGreaterThan(inserted.get(0).sequence());
        assertThat(store.updateLosses(NS, Map.of("a", 0.7, "ghost", 1.0)).block(WAIT)).containsExactly("a");
        assertThat(store.delete(NS, "b").block(WAIT)).isTrue();
        assertThat(store.delete(NS, "b").block(WAIT)).isFalse();

        List<Change> changes = changes(0);
        assertThat(changes).extracting(Change::kind).containsExactly(Change.Kind.INSERT, Change.Kind.INSERT, Change.Kind.LOSS, Change.Kind.DELETE);
        assertThat(changes).extracting(Change::sequence).isSorted().doesNotHaveDuplicates();
        assertThat(changes.get(2).item().loss()).isEqualTo(0.7);
        assertThat(changes.get(3).item().id()).isEqualTo("b");
        assertThat(changes.get(3).item().agentId()).isEqualTo("bob");
        assertThat(changes(changes.get(1).sequence())).hasSize(2);
        assertThat(store.changesSince(NS, 0, 2).collectList().block(WAIT)).hasSize(2);
        assertThat(store.lastSequence(NS).block(WAIT)).isEqualTo(changes.get(3).sequence());
        assertThat(store.lastSequence("empty").block(WAIT)).isZero();
        assertThat(get(NS, "a").loss()).isEqualTo(0.7);
    }

    @Test
    void insertsOfOneAgentCanBeFollowedAlone() {
        upsert(Trajectories.plain("a1").agentId("alice").build(), Trajectories.plain("b1").agentId("bob").build(),
                Trajectories.plain("a2").agentId("alice").build());
        store.updateLosses(NS, Map.of("a1", 0.1)).block(WAIT);
        List<Change> alice = store.insertsOfAgentSince(NS, "alice", 0, 100).collectList().block(WAIT);
        assertThat(alice).extracting(c -> c.item().id()).containsExactly("a1", "a2");
        assertThat(store.insertsOfAgentSince(NS, "alice", alice.get(0).sequence(), 100).collectList().block(WAIT))
                .extracting(c -> c.item().id()).containsExactly("a2");
    }

    @Test
    void queriesFilterByEveryFieldAndCombination() {
        List<Trajectory> all = fleet();
        store.upsert(NS, all, true).block(WAIT);
        TrajectoryFilter[] filters = {
            TrajectoryFilter.ALL,
            TrajectoryFilter.agent("alice"),
            new TrajectoryFilter(null, "deploy", null, null, null, null),
            new TrajectoryFilter(null, null, "ops", null, null, null),
            new TrajectoryFilter(null, null, null, Outcome.FAILURE, null, null),
            new TrajectoryFilter("bob", "triage", "ops", Outcome.PARTIAL, null, null),
            new TrajectoryFilter(null, null, null, null, Trajectories.T0.plusSeconds(3600 * 3), Trajectories.T0.plusSeconds(3600 * 7)),
            new TrajectoryFilter("alice", null, null, Outcome.SUCCESS, Trajectories.T0.plusSeconds(3600 * 4), null),
        };
        for (TrajectoryFilter filter : filters) {
            List<String> expected = all.stream().filter(t -> matches(filter, t))
                    .sorted(TrajectoryOrdering.of(Order.NEWEST_FIRST)).map(Trajectory::trajectoryId).collect(Collectors.toList());
            assertThat(pageThrough(filter, Order.NEWEST_FIRST, 1000)).as("filter %s", filter).containsExactlyElementsOf(expected);
            assertThat(store.count(NS, filter).block(WAIT)).as("count %s", filter).isEqualTo(expected.size());
        }
    }

    private static boolean matches(TrajectoryFilter f, Trajectory t) {
        return (f.agentId() == null || f.agentId().equals(t.agentId())) && (f.taskId() == null || f.taskId().equals(t.taskId()))
                && (f.domain() == null || f.domain().equals(t.domain())) && (f.outcome() == null || f.outcome() == t.finalOutcome())
                && (f.since() == null || !t.createdAt().isBefore(f.since())) && (f.until() == null || t.createdAt().isBefore(f.until()));
    }

    private List<String> pageThrough(TrajectoryFilter filter, Order order, int pageSize) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 1000; pages++) {
            TrajectoryPage page = store.query(NS, new TrajectoryQuery(filter, order, pageSize, cursor)).block(WAIT);
            page.items().forEach(t -> ids.add(t.trajectoryId()));
            assertThat(page.items().size()).isLessThanOrEqualTo(pageSize);
            cursor = page.nextCursor();
            if (cursor == null) {
                return ids;
            }
        }
        throw new AssertionError("paging did not end");
    }

    @Test
    void everyOrderIsTotal_andPagingVisitsEachItemOnce() {
        List<Trajectory> all = fleet();
        store.upsert(NS, all, true).block(WAIT);
        for (Order order : Order.values()) {
            List<String> expected = all.stream().sorted(TrajectoryOrdering.of(order)).map(Trajectory::trajectoryId).collect(Collectors.toList());
            for (int pageSize : new int[] {1, 7, 30, 31}) {
                assertThat(pageThrough(TrajectoryFilter.ALL, order, pageSize)).as("%s by %d", order, pageSize).containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void pagingIsStableWhileItemsAreAdded() {
        List<Trajectory> all = fleet();
        store.upsert(NS, all, true).block(WAIT);
        TrajectoryPage first = store.query(NS, new TrajectoryQuery(TrajectoryFilter.ALL, Order.OLDEST_FIRST, 10, null)).block(WAIT);
        upsert(Trajectories.of("z-new", "alice", "deploy", "code", Outcome.SUCCESS, 1.0, Trajectories.T0.plusSeconds(1)));
        List<String> seen = new ArrayList<>();
        first.items().forEach(t -> seen.add(t.trajectoryId()));
        String cursor = first.nextCursor();
        while (cursor != null) {
            TrajectoryPage page = store.query(NS, new TrajectoryQuery(TrajectoryFilter.ALL, Order.OLDEST_FIRST, 10, cursor)).block(WAIT);
            page.items().forEach(t -> seen.add(t.trajectoryId()));
            cursor = page.nextCursor();
        }
        assertThat(seen).doesNotHaveDuplicates().containsAll(all.stream().map(Trajectory::trajectoryId).collect(Collectors.toList()));
    }

    @Test
    void topByRewardPerTaskAndOutcome() {
        List<Trajectory> all = fleet();
        store.upsert(NS, all, true).block(WAIT);
        TrajectoryFilter successes = new TrajectoryFilter(null, "deploy", null, Outcome.SUCCESS, null, null);
        List<Trajectory> top = store.query(NS, new TrajectoryQuery(successes, Order.REWARD_DESC, 3, null)).block(WAIT).items();
        List<Trajectory> expected = all.stream().filter(t -> matches(successes, t)).sorted(TrajectoryOrdering.of(Order.REWARD_DESC))
                .limit(3).collect(Collectors.toList());
        assertThat(top).containsExactlyElementsOf(expected);
        assertThat(top).extracting(Trajectory::reward).isSortedAccordingTo(Collections.reverseOrder());
    }

    @Test
    void statisticsMatchAFullScan() {
        List<Trajectory> all = fleet();
        store.upsert(NS, all, true).block(WAIT);
        for (TrajectoryFilter filter : List.of(TrajectoryFilter.ALL, TrajectoryFilter.agent("bob"), TrajectoryFilter.ALL.withTask("deploy"))) {
            TrajectoryStatistics.Accumulator expected = TrajectoryStatistics.accumulator(TimeBucket.HOUR);
            all.stream().filter(t -> matches(filter, t)).forEach(expected::add);
            TrajectoryStatistics actual = store.statistics(NS, filter, TimeBucket.HOUR).block(WAIT);
            TrajectoryStatistics wanted = expected.result();
            assertThat(actual.total()).isEqualTo(wanted.total());
            assertThat(actual.byOutcome()).isEqualTo(wanted.byOutcome());
            assertThat(actual.byAgent().keySet()).isEqualTo(wanted.byAgent().keySet());
            wanted.byAgent().forEach((k, v) -> assertGroup(actual.byAgent().get(k), v));
            wanted.byTask().forEach((k, v) -> assertGroup(actual.byTask().get(k), v));
            wanted.byDomain().forEach((k, v) -> assertGroup(actual.byDomain().get(k), v));
            assertThat(actual.series().keySet()).isEqualTo(wanted.series().keySet());
            wanted.series().forEach((k, v) -> assertGroup(actual.series().get(k), v));
            if (reportsSeriesByAgentAndTask()) {
                assertNested(actual.seriesByAgent(), wanted.seriesByAgent());
                assertNested(actual.seriesByTask(), wanted.seriesByTask());
            } else {
                assertThat(actual.seriesByAgent()).isNull();
                assertThat(actual.seriesByTask()).isNull();
            }
            if (reportsRewardHistogram()) {
                assertThat(actual.rewardHistogram()).isEqualTo(wanted.rewardHistogram());
            }
            assertThat(actual.meanReward()).isCloseTo(wanted.meanReward(), org.assertj.core.data.Offset.offset(1e-9));
        }
        assertThat(store.statistics(NS, TrajectoryFilter.agent("nobody"), null).block(WAIT).total()).isZero();
        assertThat(store.statistics(NS, TrajectoryFilter.ALL, null).block(WAIT).series()).isEmpty();
    }

    @Test
    void rewardHistogramCountsEveryBucketExactly_onBoundariesToo() {
        // tenths in [0, 1]: [0.0, 0.1) [0.1, 0.2) … [0.9, 1.0], the last closed (RewardHistogram)
        double[] rewards = {0.0, 0.0, 0.05, 0.1, 0.15, 0.2999999, 0.3, 0.45, 0.5, 0.5, 0.5, 0.7, 0.7999, 0.9, 0.95, 1.0, 1.0};
        long[] expected = {3, 2, 1, 1, 1, 3, 0, 2, 0, 4};
        List<Trajectory> batch = new ArrayList<>();
        for (int i = 0; i < rewards.length; i++) {
            batch.add(Trajectories.of("h" + i, i % 2 == 0 ? "alice" : "bob", "deploy", "code",
                    rewards[i] >= 0.85 ? Outcome.SUCCESS : Outcome.FAILURE, rewards[i], Trajectories.T0.plusSeconds(i)));
        }
        store.upsert(NS, batch, true).block(WAIT);
        store.upsert(OTHER_NS, List.of(Trajectories.of("h0", "alice", "deploy", "code", Outcome.FAILURE, 0.65, Trajectories.T0)), true)
                .block(WAIT);
        TrajectoryStatistics all = store.statistics(NS, TrajectoryFilter.ALL, null).block(WAIT);
        TrajectoryStatistics bob = store.statistics(NS, TrajectoryFilter.agent("bob"), TimeBucket.DAY).block(WAIT);
        TrajectoryStatistics nobody = store.statistics(NS, TrajectoryFilter.agent("nobody"), null).block(WAIT);
        if (!reportsRewardHistogram()) {
            assertThat(all.rewardHistogram()).isNull();
            return;
        }
        assertThat(all.rewardHistogram()).isEqualTo(RewardHistogram.of(expected));
        long[] bobs = new long[RewardHistogram.BUCKETS];
        for (int i = 1; i < rewards.length; i += 2) {
            bobs[RewardHistogram.bucketOf(rewards[i])]++;
        }
        assertThat(bob.rewardHistogram()).isEqualTo(RewardHistogram.of(bobs));
        assertThat(bob.rewardHistogram().total()).isEqualTo(8);
        assertThat(nobody.rewardHistogram()).isEqualTo(RewardHistogram.empty());
        assertThat(store.statistics(OTHER_NS, TrajectoryFilter.ALL, null).block(WAIT).rewardHistogram())
                .isEqualTo(RewardHistogram.of(0, 0, 0, 0, 0, 0, 1, 0, 0, 0));
    }

    private static void assertNested(Map<Instant, ? extends Map<String, GroupStats>> actual,
            Map<Instant, ? extends Map<String, GroupStats>> expected) {
        assertThat(actual).isNotNull();
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((start, groups) -> {
            assertThat(actual.get(start).keySet()).as("groups in bucket %s", start).isEqualTo(groups.keySet());
            groups.forEach((key, g) -> assertGroup(actual.get(start).get(key), g));
        });
    }

    private static void assertGroup(dev.engram.domain.stats.GroupStats actual, dev.engram.domain.stats.GroupStats expected) {
        assertThat(actual.count()).isEqualTo(expected.count());
        assertThat(actual.successes()).isEqualTo(expected.successes());
        assertThat(actual.rewardSum()).isCloseTo(expected.rewardSum(), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void pruneDeletesOnlyWhatIsOlder_andForgetOnlyThatAgent() {
        List<Trajectory> all = fleet();
        store.upsert(NS, all, true).block(WAIT);
        store.upsert(OTHER_NS, all, true).block(WAIT);
        Instant cutoff = Trajectories.T0.plusSeconds(3600 * 5);
        long older = all.stream().filter(t -> t.createdAt().isBefore(cutoff)).count();
        assertThat(store.deleteOlderThan(NS, cutoff).block(WAIT)).isEqualTo(older);
        assertThat(store.count(NS, TrajectoryFilter.ALL).block(WAIT)).isEqualTo(all.size() - older);
        long bob = all.stream().filter(t -> !t.createdAt().isBefore(cutoff) && t.agentId().equals("bob")).count();
        assertThat(store.deleteAgent(NS, "bob").block(WAIT)).isEqualTo(bob);
        assertThat(store.count(NS, TrajectoryFilter.agent("bob")).block(WAIT)).isZero();
        assertThat(store.count(OTHER_NS, TrajectoryFilter.ALL).block(WAIT)).isEqualTo(all.size());
        assertThat(changes(0)).filteredOn(c -> c.kind() == Change.Kind.DELETE).hasSize((int) (older + bob));
    }

    @Test
    void streamsEverythingInTimeOrder_andFetchesManyInTheAskedOrder() {
        List<Trajectory> all = fleet();
        store.upsert(NS, all, true).block(WAIT);
        List<Trajectory> streamed = store.streamAll(NS).collectList().block(WAIT);
        assertThat(streamed).containsExactlyElementsOf(all.stream().sorted(TrajectoryOrdering.of(Order.OLDEST_FIRST)).collect(Collectors.toList()));
        assertThat(store.getAll(NS, List.of("t05", "ghost", "t01")).collectList().block(WAIT)).extracting(Trajectory::trajectoryId)
                .containsExactly("t05", "t01");
    }

    @Test
    void replayCountsAddUp() {
        upsert(Trajectories.plain("a").build(), Trajectories.plain("b").build());
        store.addReplays(NS, Map.of("a", 2L, "b", 1L, "ghost", 5L)).block(WAIT);
        store.addReplays(NS, Map.of("a", 1L)).block(WAIT);
        assertThat(store.replayCounts(NS, List.of("a", "b", "ghost")).block(WAIT)).containsExactlyInAnyOrderEntriesOf(Map.of("a", 3L, "b", 1L));
        assertThat(store.totalReplays(NS).block(WAIT)).isEqualTo(4);
        assertThat(store.totalReplays(OTHER_NS).block(WAIT)).isZero();
    }

    @Test
    void concurrentWritersStoreEachIdExactlyOnce() throws Exception {
        int writers = 4;
        int perWriter = 50;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        ConcurrentLinkedQueue<UpsertOutcome> outcomes = new ConcurrentLinkedQueue<>();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        // every writer writes the shared ids and ids of its own
                        Trajectory shared = Trajectories.plain("shared-" + i).build();
                        Trajectory own = Trajectories.plain("own-" + writer + "-" + i).build();
                        outcomes.addAll(store.upsert(NS, List.of(shared, own), false).block(WAIT));
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, List<Status>> byId = outcomes.stream().collect(Collectors.groupingBy(UpsertOutcome::trajectoryId,
                Collectors.mapping(UpsertOutcome::status, Collectors.toList())));
        assertThat(byId).hasSize(perWriter + writers * perWriter);
        byId.forEach((id, statuses) -> assertThat(statuses).as(id).containsOnlyOnce(Status.INSERTED).doesNotContain(Status.CONFLICT));
        Set<Long> sequences = outcomes.stream().filter(o -> o.status() == Status.INSERTED).map(UpsertOutcome::sequence).collect(Collectors.toSet());
        assertThat(sequences).hasSize(byId.size());
        assertThat(store.count(NS, TrajectoryFilter.ALL).block(WAIT)).isEqualTo(byId.size());
        List<Change> changes = changes(0);
        assertThat(changes).hasSize(byId.size());
        assertThat(new HashSet<>(changes.stream().map(Change::sequence).collect(Collectors.toList()))).isEqualTo(sequences);
        assertThat(IntStream.range(1, changes.size()).allMatch(i -> changes.get(i).sequence() > changes.get(i - 1).sequence())).isTrue();
    }
}
