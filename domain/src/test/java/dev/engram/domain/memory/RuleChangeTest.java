package dev.engram.domain.memory;

import static dev.engram.domain.memory.EpisodeBuilder.episode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rule changes as a language model will send them, applied through the same path as the heuristic rules. */
class RuleChangeTest {
    private static final RuleScope DEPLOY = RuleScope.task("deploy");

    private final AgentMemory memory = AgentMemory.empty("agent",
            MemoryPolicy.builder().rulesPerTask(4).rulesShown(3).build());

    @Test
    void anAddedRuleStartsAtImportanceTwoWithAnIdFromScopeAndText() {
        memory.record(episode("deploy", 0.6).build());
        List<RuleChange> ignored = memory.apply(List.of(llmAdd("Check the diff first", "t9")));

        assertThat(ignored).isEmpty();
        Rule rule = single();
        assertThat(rule.id()).isEqualTo(Rule.idFor(DEPLOY, "Check the diff first")).matches("r[0-9a-f]{16}");
        assertThat(rule.importance()).isEqualTo(2);
        assertThat(rule.source()).isEqualTo(RuleSource.LLM);
        assertThat(rule.trajectoryIds()).containsExactly("t9");
        assertThat(rule.createdAt()).isEqualTo(1);
        assertThat(Rule.idFor(RuleScope.GLOBAL, "Check the diff first")).isNotEqualTo(rule.id());
    }

    @Test
    void addingATextAgainIsEvidenceNotAVote() {
        memory.apply(List.of(llmAdd("Check the diff first", "t1")));
        memory.record(episode("deploy", 0.6).build());
        memory.apply(List.of(llmAdd("Check the diff first", "t2")));

        Rule rule = single();
        assertThat(rule.importance()).isEqualTo(2);
        assertThat(rule.trajectoryIds()).containsExactly("t1", "t2");
        assertThat(rule.createdAt()).isZero();
        assertThat(rule.lastReinforcedAt()).isEqualTo(1);
    }

    @Test
    void agreeAndEditEachAddOne() {
        memory.apply(List.of(llmAdd("Check the diff", "t1")));
        String id = single().id();
        memory.apply(List.of(new RuleChange.Agree(DEPLOY, id, List.of("t2"))));
        assertThat(single().importance()).isEqualTo(3);
        assertThat(single().trajectoryIds()).containsExactly("t1", "t2");

        memory.apply(List.of(new RuleChange.Edit(DEPLOY, id, "Check the deployment diff first")));
        assertThat(single().importance()).isEqualTo(4);
        assertThat(single().text()).isEqualTo("Check the deployment diff first");
        assertThat(single().id()).as("an edit keeps the id").isEqualTo(id);
    }

    @Test
    void editingIntoAnotherRulesTextAgreesWithThatRule() {
        memory.apply(List.of(llmAdd("A", "t1"), llmAdd("B", "t2")));
        String idOfA = memory.rules(DEPLOY).get(0).id();
        memory.apply(List.of(new RuleChange.Edit(DEPLOY, idOfA, "B")));

        assertThat(memory.rules(DEPLOY)).extracting(Rule::text).containsExactly("A", "B");
        assertThat(memory.rules(DEPLOY)).extracting(Rule::importance).containsExactly(2, 3);
    }

    @Test
    void removeTakesOneAndDropsTheRuleAtZero() {
        memory.apply(List.of(llmAdd("A", "t1")));
        String id = single().id();
        memory.apply(List.of(new RuleChange.Remove(DEPLOY, id)));
        assertThat(single().importance()).isEqualTo(1);
        memory.apply(List.of(new RuleChange.Remove(DEPLOY, id)));
        assertThat(memory.rules(DEPLOY)).isEmpty();
    }

    @Test
    void removeTakesThreeWhenTheScopeIsFull() {
        memory.apply(List.of(llmAdd("A", "t1"), llmAdd("B", "t2"), llmAdd("C", "t3"), llmAdd("D", "t4")));
        String idOfA = memory.rules(DEPLOY).get(0).id();
        memory.apply(List.of(new RuleChange.Agree(DEPLOY, idOfA, List.of()),
                new RuleChange.Agree(DEPLOY, idOfA, List.of())));
        assertThat(memory.rules(DEPLOY).get(0).importance()).isEqualTo(4);

        memory.apply(List.of(new RuleChange.Remove(DEPLOY, idOfA)));
        assertThat(memory.rules(DEPLOY).get(0).importance()).as("4 rules of 4: full").isEqualTo(1);
        memory.apply(List.of(new RuleChange.Remove(DEPLOY, idOfA)));
        assertThat(memory.rules(DEPLOY)).extracting(Rule::text).containsExactly("B", "C", "D");
    }

    @Test
    void changesNamingNoRuleAreReturnedAndChangeNothing() {
        memory.apply(List.of(llmAdd("A", "t1")));
        long version = memory.version();
        List<RuleChange> unknown = List.of(new RuleChange.Agree(DEPLOY, "r0000000000000000", List.of()),
                new RuleChange.Remove(RuleScope.task("never-seen"), "r1"),
                new RuleChange.Edit(RuleScope.GLOBAL, single().id(), "moved"));

        assertThat(memory.apply(unknown)).isEqualTo(unknown);
        assertThat(memory.version()).as("nothing changed, no new version").isEqualTo(version);
        assertThat(memory.summary().taskRules()).doesNotContainKey("never-seen");
        assertThat(single().importance()).isEqualTo(2);
    }

    @Test
    void overCapacityTheWeakestThenOldestRuleGoesAfterTheBatch() {
        memory.apply(List.of(llmAdd("A", "t1"), llmAdd("B", "t2"), llmAdd("C", "t3"), llmAdd("D", "t4")));
        String idOfA = memory.rules(DEPLOY).get(0).id();
        memory.apply(List.of(new RuleChange.Agree(DEPLOY, idOfA, List.of()), llmAdd("E", "t5"), llmAdd("F", "t6")));

        assertThat(memory.rules(DEPLOY)).extracting(Rule::text).containsExactly("A", "D", "E", "F");
    }

    @Test
    void aFullListOfStrongerRulesCutsANewWeakerOne() {
        List<RuleChange> setUp = new ArrayList<>();
        for (String text : List.of("A", "B", "C", "D")) {
            setUp.add(llmAdd(text, "t"));
        }
        memory.apply(setUp);
        List<RuleChange> votes = new ArrayList<>();
        for (Rule rule : memory.rules(DEPLOY)) {
            votes.add(new RuleChange.Agree(DEPLOY, rule.id(), List.of()));
        }
        memory.apply(votes);
        memory.apply(List.of(llmAdd("E", "t5")));

        assertThat(memory.rules(DEPLOY)).extracting(Rule::text).containsExactly("A", "B", "C", "D");
    }

    @Test
    void theContextShowsTheStrongestRulesTheStrongestLast() {
        memory.apply(List.of(llmAdd("A", "t1"), llmAdd("B", "t2"), llmAdd("C", "t3"), llmAdd("D", "t4")));
        assertThat(taskRuleLines()).as("equal importance: the seed's last three, oldest first")
                .containsExactly("  - B", "  - C", "  - D");

        String idOfA = memory.rules(DEPLOY).get(0).id();
        memory.apply(List.of(new RuleChange.Agree(DEPLOY, idOfA, List.of())));
        assertThat(taskRuleLines()).containsExactly("  - C", "  - D", "  - A");
    }

    @Test
    void heuristicRulesGoThroughTheSamePath() {
        memory.record(episode("deploy", 0.9).trajectory("t1").successes("read logs").build());
        memory.record(episode("deploy", 0.2).trajectory("t2").mistakes("guessed").build());
        memory.record(episode("deploy", 0.5).trajectory("t3").successes("x").mistakes("y").build());

        assertThat(memory.rules(DEPLOY)).extracting(Rule::text, Rule::polarity, Rule::source).containsExactly(
                tuple("[WORKS] read logs", Polarity.WORKS, RuleSource.HEURISTIC),
                tuple("[AVOID] guessed", Polarity.AVOID, RuleSource.HEURISTIC));
        String id = memory.rules(DEPLOY).get(0).id();
        memory.apply(List.of(new RuleChange.Remove(DEPLOY, id), new RuleChange.Remove(DEPLOY, id)));
        assertThat(memory.rules(DEPLOY)).extracting(Rule::text).containsExactly("[AVOID] guessed");
    }

    @Test
    void emptySuccessAndMistakeTextsMakeNoRule() {
        memory.record(episode("deploy", 0.9).successes("", "ok").build());
        memory.record(episode("deploy", 0.1).mistakes("").build());
        assertThat(memory.rules(DEPLOY)).extracting(Rule::text).containsExactly("[WORKS] ok");
    }

    @Test
    void everyChangeMakesANewVersion() {
        assertThat(memory.version()).isZero();
        memory.record(episode("deploy", 0.6).build());
        memory.apply(List.of(llmAdd("A", "t1")));
        memory.consolidate(List.of());
        assertThat(memory.version()).isEqualTo(3);
    }

    private Rule single() {
        assertThat(memory.rules(DEPLOY)).hasSize(1);
        return memory.rules(DEPLOY).get(0);
    }

    private List<String> taskRuleLines() {
        return memory.context("deploy", Integer.MAX_VALUE, ApproximateTokenCounter.INSTANCE).sections().stream()
                .filter(section -> section.kind() == SectionKind.TASK_RULES)
                .findFirst().orElseThrow().lines();
    }

    private static RuleChange.Add llmAdd(String text, String trajectoryId) {
        return new RuleChange.Add(DEPLOY, text, Polarity.WORKS, RuleSource.LLM, List.of(trajectoryId));
    }
}
