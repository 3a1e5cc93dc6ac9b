package dev.engram.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.adapters.redis.harness.RedisServers;
import dev.engram.application.port.out.ExperienceLog;
import dev.engram.application.port.out.ExperienceLog.AppendStatus;
import dev.engram.application.port.out.ExperienceLog.Delivery;
import dev.engram.domain.trajectory.Outcome;
import dev.engram.domain.trajectory.Trajectory;
import dev.engram.testkit.Trajectories;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the contract leaves out: the layout of the partitions, and trimming that never drops an unacknowledged entry. */
class RedisExperienceLogBehaviourIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private final RedisBackend backend = new RedisBackend(RedisConfig.of(RedisServers.shared().uri())
            .withKeyPrefix("lb" + UUID.randomUUID().toString().substring(0, 8)));
    private final RedisExperienceLog log = new RedisExperienceLog(backend, 2, 10);

    @AfterEach
    void close() {
        log.close();
    }

    private static List<Trajectory> runs(String agent, int n, int from) {
        List<Trajectory> out = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            out.add(Trajectories.of(agent + "-" + i, agent, "task", "code", Outcome.SUCCESS, 1.0, Trajectories.T0.plusSeconds(i)));
        }
        return out;
    }

    private long length(int partition) {
        return backend.commands().xlen(log.stream(partition)).block(WAIT);
    }

    @Test
    void anAgentsEntriesAllGoToItsPartitionStream_underItsOwnHashTag() {
        log.append("ns", runs("alice", 5, 0), false).block(WAIT);
        int p = log.partitionOfAgent("ns", "alice");
        assertThat(length(p)).isEqualTo(5);
        assertThat(length(1 - p)).isZero();
        assertThat(log.stream(p)).startsWith("{" + backend.keys().prefix() + ":p" + p + "}");
    }

    @Test
    void trimmingPastMaxlenDropsOnlyWhatTheGroupAcknowledged() {
        String agent = "alice";
        int p = log.partitionOfAgent("ns", agent);
        assertThat(log.append("ns", runs(agent, 30, 0), false).block(WAIT)).containsOnly(AppendStatus.APPENDED);
        assertThat(log.trim(p).block(WAIT)).as("no group reads it yet: nothing is trimmed").isZero();

        Delivery first = log.read("g", "c", 20, WAIT).block(WAIT);
        assertThat(first.entries()).hasSize(20);
        log.acknowledge("g", first.entries().subList(0, 5).stream().map(ExperienceLog.Entry::entryId).toList()).block(WAIT);
        log.trim(p).block(WAIT);
        // the 15 pending and the 10 never delivered are all still there, whatever the approximate trim removed
        Delivery pending = log.ownPending("g", "c", 100).block(WAIT);
        assertThat(pending.entries()).hasSize(15);
        assertThat(pending.undecodable()).isEmpty();
        Delivery rest = log.read("g", "c", 100, WAIT).block(WAIT);
        assertThat(rest.entries()).hasSize(10);

        // a big stream (past a macro node of 100 entries) with everything acknowledged is trimmed
        List<Trajectory> more = runs(agent, 400, 100);
        log.append("ns", more, false).block(WAIT);
        List<String> all = new ArrayList<>();
        pending.entries().forEach(e -> all.add(e.entryId()));
        rest.entries().forEach(e -> all.add(e.entryId()));
        while (true) {
            Delivery d = log.read("g", "c", 100, Duration.ofMillis(50)).block(WAIT);
            if (d.isEmpty()) {
                break;
            }
            d.entries().forEach(e -> all.add(e.entryId()));
        }
        log.acknowledge("g", all).block(WAIT);
        long before = length(p);
        long removed = log.trim(p).block(WAIT);
        assertThat(removed).isPositive();
        assertThat(length(p)).isEqualTo(before - removed);
        assertThat(log.backlog("g").block(WAIT)).isEqualTo(new ExperienceLog.Backlog(0, 0));
    }
}
