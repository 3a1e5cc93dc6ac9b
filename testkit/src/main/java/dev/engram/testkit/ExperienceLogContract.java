package dev.engram.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.application.port.out.ExperienceLog;
import dev.engram.application.port.out.ExperienceLog.AppendStatus;
import dev.engram.application.port.out.ExperienceLog.Backlog;
import dev.engram.application.port.out.ExperienceLog.Delivery;
import dev.engram.application.port.out.ExperienceLog.Entry;
import dev.engram.domain.trajectory.Outcome;
import dev.engram.domain.trajectory.Trajectory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every behaviour the write buffer and a live feed rely on from an {@link ExperienceLog}. Each implementation's test
 * extends this and supplies a fresh, empty log, and a way to put an entry into it that the log cannot decode.
 */
public abstract class ExperienceLogContract {
    protected static final String NS = "tenant-a";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration NO_WAIT = Duration.ofMillis(1);

    protected ExperienceLog log;

    /** A new, empty log. */
    protected abstract ExperienceLog createLog() throws Exception;

    /** Puts an entry into {@code log} that it cannot decode (written by something else, a newer version). */
    protected abstract void appendForeign(ExperienceLog log) throws Exception;

    @BeforeEach
    void freshLog() throws Exception {
        log = createLog();
    }

    @AfterEach
    void closeLog() {
        log.close();
    }

    private static Trajectory run(String id, String agent, int minute) {
        return Trajectories.of(id, agent, "task", "code", Outcome.SUCCESS, 1.0, Trajectories.T0.plusSeconds(60L * minute));
    }

    private static List<String> ids(Delivery d) {
        return d.entries().stream().map(e -> e.trajectory().trajectoryId()).collect(Collectors.toList());
    }

    private static List<String> entryIds(Delivery d) {
        return d.entries().stream().map(Entry::entryId).collect(Collectors.toList());
    }

    private List<AppendStatus> append(String ns, boolean atomic, Trajectory... ts) {
        return log.append(ns, List.of(ts), atomic).block(WAIT);
    }

    @Test
    void appendedEntriesAreDeliveredOnceToAGroup_exactlyAsAppended() {
        Trajectory odd = Trajectories.oddPayload("odd");
        assertThat(append(NS, false, run("a1", "alice", 1), odd)).containsExactly(AppendStatus.APPENDED, AppendStatus.APPENDED);
        Delivery first = readAtLeast("g", "c1", 2);
        assertThat(first.entries()).extracting(Entry::namespace).containsOnly(NS);
        assertThat(first.entries()).extracting(Entry::trajectory).containsExactlyInAnyOrder(run("a1", "alice", 1), odd);
        assertThat(first.undecodable()).isEmpty();
        assertThat(log.read("g", "c2", 10, NO_WAIT).block(WAIT).isEmpty()).as("one delivery per group").isTrue();
        assertThat(ids(readAtLeast("other-group", "c1", 2))).as("each group sees everything").hasSize(2);
    }

    @Test
    void aChangedIdIsRefusedBeforeTheAck_aRepeatIsAppendedAgain_namespacesApart() {
        Trajectory original = run("t1", "alice", 1);
        Trajectory changed = Trajectories.of("t1", "alice", "task", "code", Outcome.FAILURE, 0.5, original.createdAt());
        append(NS, false, original);
        assertThat(append(NS, false, changed)).containsExactly(AppendStatus.CONFLICT);
        assertThat(append(NS, false, original)).containsExactly(AppendStatus.REPEATED);
        assertThat(log.knownHashes(NS, List.of("t1", "ghost")).block(WAIT)).containsExactly(Map.entry("t1", original.contentHash()));
        assertThat(append("tenant-b", false, changed)).as("another namespace is another id").containsExactly(AppendStatus.APPENDED);

        List<Entry> entries = readAtLeast("g", "c", 3).entries();
        assertThat(entries).filteredOn(e -> e.namespace().equals(NS)).extracting(Entry::trajectory).containsOnly(original).hasSize(2);
        assertThat(entries).filteredOn(e -> e.namespace().equals("tenant-b")).extracting(Entry::trajectory).containsExactly(changed);
    }

    @Test
    void theSameIdUnderAnotherAgentIsStillTheSameId() {
        Trajectory alices = run("shared-id", "alice", 1);
        Trajectory bobs = run("shared-id", "bob", 1);
        append(NS, false, alices);
        assertThat(append(NS, false, bobs)).containsExactly(AppendStatus.CONFLICT);
    }

    @Test
    void anAtomicBatchWithAConflictAppendsNothing_aPartialOneTheRest() {
        append(NS, false, run("t1", "alice", 1));
        Trajectory changed = Trajectories.of("t1", "alice", "task", "code", Outcome.FAILURE, 0.25, Trajectories.T0.plusSeconds(60));
        assertThat(append(NS, true, run("t2", "alice", 2), changed, run("t3", "bob", 3)))
                .containsExactly(AppendStatus.NOT_APPENDED, AppendStatus.CONFLICT, AppendStatus.NOT_APPENDED);
        assertThat(log.knownHashes(NS, List.of("t2", "t3")).block(WAIT)).isEmpty();
        assertThat(append(NS, false, run("t2", "alice", 2), changed, run("t3", "bob", 3)))
                .containsExactly(AppendStatus.APPENDED, AppendStatus.CONFLICT, AppendStatus.APPENDED);
        assertThat(drain("g", "c")).containsExactlyInAnyOrder("t1", "t2", "t3");
    }

    /** Reads until at least {@code n} entries were delivered (a log may deliver its partitions in several reads). */
    protected Delivery readAtLeast(String group, String consumer, int n) {
        List<Entry> entries = new ArrayList<>();
        List<ExperienceLog.Undecodable> bad = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (entries.size() + bad.size() < n && System.nanoTime() < deadline) {
            Delivery d = log.read(group, consumer, 10, Duration.ofMillis(200)).block(WAIT);
            entries.addAll(d.entries());
            bad.addAll(d.undecodable());
        }
        assertThat(entries.size() + bad.size()).as("entries delivered").isEqualTo(n);
        return new Delivery(entries, bad);
    }

    private List<String> drain(String group, String consumer) {
        List<String> seen = new ArrayList<>();
        while (true) {
            Delivery d = log.read(group, consumer, 7, Duration.ofMillis(100)).block(WAIT);
            if (d.isEmpty()) {
                return seen;
            }
            seen.addAll(ids(d));
            log.acknowledge(group, entryIds(d)).block(WAIT);
        }
    }

    @Test
    void manyAgentsInBatches_everyEntryOnce_eachAgentInTheOrderItWasAppended() {
        List<Trajectory> all = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            all.add(run(String.format("r%03d", i), "agent-" + (i % 13), i));
        }
        for (int i = 0; i < all.size(); i += 50) {
            assertThat(log.append(NS, all.subList(i, i + 50), false).block(WAIT)).containsOnly(AppendStatus.APPENDED);
        }
        List<String> seen = drain("g", "c");
        assertThat(seen).hasSize(300).doesNotHaveDuplicates();
        Map<String, List<String>> byAgent = new LinkedHashMap<>();
        for (String id : seen) {
            int i = Integer.parseInt(id.substring(1));
            byAgent.computeIfAbsent("agent-" + (i % 13), k -> new ArrayList<>()).add(id);
        }
        byAgent.values().forEach(ids -> assertThat(ids).isSorted());
        Backlog backlog = log.backlog("g").block(WAIT);
        assertThat(backlog.lag()).isZero();
        assertThat(backlog.pending()).isZero();
    }

    @Test
    void unacknowledgedEntriesStayPending_forTheirConsumer_andAreClaimedOnlyOnceIdle() throws InterruptedException {
        append(NS, false, run("t1", "alice", 1), run("t2", "bob", 2), run("t3", "carol", 3));
        List<Entry> rest = new ArrayList<>(readAtLeast("g", "dead-worker", 3).entries());
        log.acknowledge("g", List.of(rest.get(0).entryId())).block(WAIT);
        Backlog backlog = log.backlog("g").block(WAIT);
        assertThat(backlog.pending()).isEqualTo(2);
        assertThat(backlog.lag()).isZero();

        assertThat(log.ownPending("g", "dead-worker", 10).block(WAIT).entries()).extracting(Entry::entryId)
                .containsExactlyInAnyOrder(rest.get(1).entryId(), rest.get(2).entryId());
        assertThat(log.ownPending("g", "someone-else", 10).block(WAIT).isEmpty()).isTrue();
        assertThat(log.claimIdle("g", "rescuer", Duration.ofMinutes(5), 10).block(WAIT).isEmpty()).as("not idle long enough").isTrue();
        Thread.sleep(50);
        Delivery claimed = log.claimIdle("g", "rescuer", Duration.ofMillis(20), 10).block(WAIT);
        assertThat(claimed.entries()).extracting(Entry::trajectory)
                .containsExactlyInAnyOrder(rest.get(1).trajectory(), rest.get(2).trajectory());
        assertThat(log.ownPending("g", "rescuer", 10).block(WAIT).entries()).hasSize(2);
        assertThat(log.ownPending("g", "dead-worker", 10).block(WAIT).isEmpty()).isTrue();
        assertThat(log.acknowledge("g", entryIds(claimed)).block(WAIT)).isEqualTo(2);
        assertThat(log.backlog("g").block(WAIT).pending()).isZero();
    }

    @Test
    void backlogCountsWhatAGroupHasNotSeen_beforeItsFirstReadToo() {
        append(NS, false, run("t1", "alice", 1), run("t2", "bob", 2), run("t3", "carol", 3), run("t4", "dave", 4));
        assertThat(log.backlog("fresh-group").block(WAIT)).isEqualTo(new Backlog(4, 0));
        Delivery d = log.read("fresh-group", "c", 1, WAIT).block(WAIT);
        assertThat(d.size()).isEqualTo(1);
        assertThat(log.backlog("fresh-group").block(WAIT)).isEqualTo(new Backlog(3, 1));
    }

    @Test
    void undecodableEntriesAreDelivered_andDeadLetteredWithTheirReason_neverBlockingTheGroup() throws Exception {
        append(NS, false, run("t1", "alice", 1));
        appendForeign(log);
        append(NS, false, run("t2", "alice", 2));
        List<String> good = new ArrayList<>();
        Map<String, String> bad = new HashMap<>();
        while (true) {
            Delivery d = log.read("g", "c", 10, Duration.ofMillis(100)).block(WAIT);
            if (d.isEmpty()) {
                break;
            }
            good.addAll(ids(d));
            d.undecodable().forEach(u -> bad.put(u.entryId(), u.reason()));
            log.acknowledge("g", entryIds(d)).block(WAIT);
            if (!d.undecodable().isEmpty()) {
                log.deadLetter("g", Map.of(d.undecodable().get(0).entryId(), "undecodable: " + d.undecodable().get(0).reason())).block(WAIT);
            }
        }
        assertThat(good).containsExactly("t1", "t2");
        assertThat(bad).hasSize(1);
        assertThat(bad.values().iterator().next()).isNotBlank();
        List<ExperienceLog.DeadLetter> dead = log.deadLetters(10).collectList().block(WAIT);
        assertThat(dead).singleElement().satisfies(letter -> {
            assertThat(letter.entryId()).isEqualTo(bad.keySet().iterator().next());
            assertThat(letter.reason()).startsWith("undecodable: ");
            assertThat(letter.fields()).isNotEmpty();
        });
        assertThat(log.backlog("g").block(WAIT)).isEqualTo(new Backlog(0, 0));
    }

    @Test
    void aDeadLetterOfADecodedEntryKeepsItsFields_andLeavesThePending() {
        append(NS, false, run("t1", "alice", 1));
        Delivery d = readAtLeast("g", "c", 1);
        log.deadLetter("g", Map.of(d.entries().get(0).entryId(), "the long-term store holds it with other content")).block(WAIT);
        assertThat(log.backlog("g").block(WAIT).pending()).isZero();
        assertThat(log.deadLetters(10).collectList().block(WAIT)).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).contains("other content");
            assertThat(letter.fields().values()).anySatisfy(v -> assertThat(v).contains("t1"));
        });
    }

    @Test
    void tailFollowsOneNamespace_fromNowOn_orResumedAfterAnEntry() {
        append(NS, false, run("old", "alice", 0));
        List<Entry> live = Collections.synchronizedList(new ArrayList<>());
        var subscription = log.tail(NS, null).subscribe(live::add);
        try {
            sleep(300); // the feed is following before the next appends
            append("tenant-b", false, run("elsewhere", "alice", 1));
            append(NS, false, run("n1", "alice", 1), run("n2", "bob", 2));
            awaitSize(live, 2);
        } finally {
            subscription.dispose();
        }
        live = List.copyOf(live);
        assertThat(live).extracting(e -> e.trajectory().trajectoryId()).containsExactlyInAnyOrder("n1", "n2");
        assertThat(live).extracting(Entry::namespace).containsOnly(NS);

        append(NS, false, run("n3", "carol", 3));
        String resumeAfter = live.stream().filter(e -> e.trajectory().trajectoryId().equals("n2")).findFirst().orElseThrow().entryId();
        List<Entry> resumed = Collections.synchronizedList(new ArrayList<>());
        var again = log.tail(NS, resumeAfter).subscribe(resumed::add);
        try {
            awaitIds(resumed, Set.of("n3"));
        } finally {
            again.dispose();
        }
        Set<String> ids = List.copyOf(resumed).stream().map(e -> e.trajectory().trajectoryId()).collect(Collectors.toSet());
        // resuming may repeat entries of about the same time (other partitions), never another namespace's
        assertThat(ids).contains("n3").doesNotContain("elsewhere");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitSize(List<Entry> list, int n) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (sizeOf(list) < n && System.nanoTime() < deadline) {
            sleep(10);
        }
        assertThat(sizeOf(list)).isGreaterThanOrEqualTo(n);
        sleep(100); // nothing more should come (the other namespace)
    }

    private static void awaitIds(List<Entry> list, Set<String> ids) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Set<String> seen = new HashSet<>();
            synchronized (list) {
                list.forEach(e -> seen.add(e.trajectory().trajectoryId()));
            }
            if (seen.containsAll(ids)) {
                return;
            }
            sleep(10);
        }
    }

    private static int sizeOf(List<Entry> list) {
        synchronized (list) {
            return list.size();
        }
    }
}
