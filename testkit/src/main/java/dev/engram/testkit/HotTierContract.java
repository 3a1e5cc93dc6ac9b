package dev.engram.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.application.port.out.HotTier;
import dev.engram.application.query.TrajectoryQuery.Order;
import dev.engram.domain.trajectory.Outcome;
import dev.engram.domain.trajectory.Trajectory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every behaviour the tiered store relies on from a {@link HotTier}. Each implementation's test extends this and
 * supplies a fresh, empty tier that keeps at most {@link #MAX_PER_AGENT} copies per agent (a tier of several levels
 * may keep fewer in its faster levels, but none beyond that).
 */
public abstract class HotTierContract {
    protected static final String NS = "tenant-a";
    protected static final int MAX_PER_AGENT = 10;
    private static final Duration WAIT = Duration.ofSeconds(30);

    protected HotTier tier;

    /** A new, empty tier keeping at most {@code maxPerAgent} copies of each agent. */
    protected abstract HotTier createTier(int maxPerAgent) throws Exception;

    @BeforeEach
    void freshTier() throws Exception {
        tier = createTier(MAX_PER_AGENT);
    }

    private static List<Trajectory> runs(String agent, int n) {
        List<Trajectory> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Trajectories.of(agent + "-" + String.format("%02d", i), agent, "task", "code", Outcome.SUCCESS, (i % 4) / 3.0,
                    Trajectories.T0.plusSeconds(60L * i)));
        }
        return out;
    }

    private List<String> ids(List<Trajectory> items) {
        return items.stream().map(Trajectory::trajectoryId).collect(Collectors.toList());
    }

    @Test
    void holdsCopiesExactly_inTheOrderAsked_withTheirLoss() {
        Trajectory odd = Trajectories.oddPayload("odd-1");
        Trajectory lossy = Trajectories.plain("lossy").loss(0.75).build();
        tier.put(NS, List.of(odd, lossy)).block(WAIT);
        assertThat(tier.getAll(NS, List.of("lossy", "ghost", "odd-1")).collectList().block(WAIT)).containsExactly(lossy, odd);
        assertThat(tier.getAll("tenant-b", List.of("lossy")).collectList().block(WAIT)).isEmpty();
    }

    @Test
    void recentIsNewestFirst_andBestIsHighestRewardThenNewest() {
        List<Trajectory> alice = runs("alice", 8);
        tier.put(NS, alice).block(WAIT);
        tier.put(NS, runs("bob", 3)).block(WAIT);
        assertThat(ids(tier.recent(NS, "alice", 3).collectList().block(WAIT))).containsExactly("alice-07", "alice-06", "alice-05");
        List<String> best = alice.stream().sorted(TrajectoryOrdering.of(Order.REWARD_DESC)).limit(4).map(Trajectory::trajectoryId)
                .collect(Collectors.toList());
        assertThat(ids(tier.best(NS, "alice", 4).collectList().block(WAIT))).containsExactlyElementsOf(best);
        assertThat(tier.recent(NS, "nobody", 3).collectList().block(WAIT)).isEmpty();
    }

    @Test
    void anAgentKeepsAtMostItsCap_theOldestGoFirst_otherAgentsUntouched() {
        List<Trajectory> alice = runs("alice", MAX_PER_AGENT + 5);
        for (Trajectory t : alice) {
            tier.put(NS, List.of(t)).block(WAIT);
        }
        tier.put(NS, runs("bob", 2)).block(WAIT);
        List<Trajectory> recent = tier.recent(NS, "alice", 100).collectList().block(WAIT);
        assertThat(recent).hasSizeLessThanOrEqualTo(MAX_PER_AGENT).isNotEmpty();
        assertThat(recent.get(0).trajectoryId()).isEqualTo("alice-14");
        assertThat(tier.getAll(NS, ids(alice.subList(0, 5))).collectList().block(WAIT)).isEmpty();
        assertThat(tier.getAll(NS, List.of("alice-14", "bob-00", "bob-01")).collectList().block(WAIT)).hasSize(3);
    }

    @Test
    void removedIdsAreGone_andAPutOfThemLaterIsKeptOut() {
        tier.put(NS, runs("alice", 3)).block(WAIT);
        tier.remove(NS, List.of("alice-01")).block(WAIT);
        assertThat(ids(tier.getAll(NS, List.of("alice-00", "alice-01", "alice-02")).collectList().block(WAIT))).containsExactly("alice-00", "alice-02");
        assertThat(ids(tier.recent(NS, "alice", 5).collectList().block(WAIT))).containsExactly("alice-02", "alice-00");
        // a writer that stored alice-01 before the removal puts its old copy late: it must not come back
        tier.put(NS, List.of(runs("alice", 3).get(1))).block(WAIT);
        assertThat(tier.getAll(NS, List.of("alice-01")).collectList().block(WAIT)).isEmpty();
    }

    @Test
    void removingAnAgentOrWhatIsOlderLeavesTheRest() {
        tier.put(NS, runs("alice", 6)).block(WAIT);
        tier.put(NS, runs("bob", 6)).block(WAIT);
        tier.put("tenant-b", runs("alice", 2)).block(WAIT);
        tier.removeAgent(NS, "bob").block(WAIT);
        assertThat(tier.recent(NS, "bob", 10).collectList().block(WAIT)).isEmpty();
        assertThat(tier.getAll(NS, List.of("bob-00", "bob-05")).collectList().block(WAIT)).isEmpty();
        tier.removeOlderThan(NS, Trajectories.T0.plusSeconds(60L * 3)).block(WAIT);
        assertThat(ids(tier.recent(NS, "alice", 10).collectList().block(WAIT))).containsExactly("alice-05", "alice-04", "alice-03");
        assertThat(tier.getAll(NS, List.of("alice-00")).collectList().block(WAIT)).isEmpty();
        assertThat(tier.recent("tenant-b", "alice", 10).collectList().block(WAIT)).hasSize(2);

        // late puts from writers that raced the removals do not bring old copies back
        tier.put(NS, List.of(runs("bob", 6).get(4), runs("alice", 6).get(1))).block(WAIT);
        assertThat(tier.getAll(NS, List.of("bob-04", "alice-01")).collectList().block(WAIT)).isEmpty();
        tier.put(NS, List.of(Trajectories.of("alice-new", "alice", "task", "code", Outcome.SUCCESS, 1.0, Trajectories.T0.plusSeconds(3600)))).block(WAIT);
        assertThat(ids(tier.recent(NS, "alice", 1).collectList().block(WAIT))).containsExactly("alice-new");
    }
}
