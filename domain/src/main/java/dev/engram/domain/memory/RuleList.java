package dev.engram.domain.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The rules of one scope in the order they were learned. Immutable: applying a change gives a new list, which keeps
 * rule changes a pure function that is easy to test and to preview.
 *
 * <p>Rank: a rule outranks another when it is more important, or equally important and learned later. Trimming
 * drops the lowest ranks, rendering shows the highest; with equal importance that is the seed's "keep the last N"
 * and "show the last N", in the seed's order.
 */
final class RuleList {
    static final RuleList EMPTY = new RuleList(List.of());

    private static final Comparator<Rule> WEAKEST_FIRST = Comparator.comparingInt(Rule::importance);

    private final List<Rule> rules;

    RuleList(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    List<Rule> rules() {
        return rules;
    }

    int size() {
        return rules.size();
    }

    /**
     * This list after one change, or empty when the change names a rule the list does not hold.
     *
     * @param capacity how many rules the scope may hold (a vote against a rule of a full scope weighs more)
     * @param idLimit  how many trajectory ids a rule keeps
     * @param episode  the episode number the change happens at
     */
    Optional<RuleList> apply(RuleChange change, int capacity, int idLimit, long episode) {
        if (change instanceof RuleChange.Add add) {
            return Optional.of(add(add, idLimit, episode));
        }
        if (change instanceof RuleChange.Agree agree) {
            int at = indexOfId(agree.ruleId());
            return at < 0 ? Optional.empty()
                    : Optional.of(replaced(at, rules.get(at).agreed(agree.trajectoryIds(), idLimit, episode)));
        }
        if (change instanceof RuleChange.Edit edit) {
            return edit(edit, idLimit, episode);
        }
        RuleChange.Remove remove = (RuleChange.Remove) change;
        int at = indexOfId(remove.ruleId());
        if (at < 0) {
            return Optional.empty();
        }
        int vote = rules.size() >= capacity ? RuleChange.Remove.WHEN_FULL : 1;
        Rule rule = rules.get(at);
        return Optional.of(rule.importance() > vote ? replaced(at, rule.weakened(vote)) : without(Set.of(at)));
    }

    /** The highest-ranked {@code capacity} rules, in learning order. */
    RuleList trimmedTo(int capacity) {
        if (rules.size() <= capacity) {
            return this;
        }
        Set<Integer> dropped = new HashSet<>();
        for (Rule weak : weakestFirst().subList(0, rules.size() - capacity)) {
            dropped.add(indexOfId(weak.id()));
        }
        return without(dropped);
    }

    /** The {@code limit} highest-ranked rules, the strongest last (where the seed shows its newest rule). */
    List<Rule> strongest(int limit) {
        List<Rule> ranked = weakestFirst();
        return List.copyOf(ranked.subList(Math.max(0, ranked.size() - limit), ranked.size()));
    }

    /** By rank, lowest first: a stable sort by importance keeps learning order among equals. */
    private List<Rule> weakestFirst() {
        List<Rule> ranked = new ArrayList<>(rules);
        ranked.sort(WEAKEST_FIRST);
        return ranked;
    }

    private RuleList add(RuleChange.Add add, int idLimit, long episode) {
        int at = indexOfText(add.text());
        if (at >= 0) {
            return replaced(at, rules.get(at).reinforced(add.trajectoryIds(), idLimit, episode));
        }
        Rule rule = new Rule(freshId(add.scope(), add.text()), add.text(), add.polarity(), add.scope(),
                RuleChange.NEW_RULE_IMPORTANCE, List.of(), add.source(), episode, episode)
                .reinforced(add.trajectoryIds(), idLimit, episode);
        List<Rule> next = new ArrayList<>(rules);
        next.add(rule);
        return new RuleList(next);
    }

    private Optional<RuleList> edit(RuleChange.Edit edit, int idLimit, long episode) {
        int at = indexOfId(edit.ruleId());
        if (at < 0) {
            return Optional.empty();
        }
        int holder = indexOfText(edit.text());
        if (holder >= 0 && holder != at) {
            return Optional.of(replaced(holder, rules.get(holder).agreed(List.of(), idLimit, episode)));
        }
        return Optional.of(replaced(at, rules.get(at).edited(edit.text(), episode)));
    }

    /**
     * A rule keeps the id it was made with through edits, so a later rule may hash to an id already taken; it then
     * takes the next free one of a fixed sequence, which keeps ids unique and still reproducible.
     */
    private String freshId(RuleScope scope, String text) {
        String id = Rule.idFor(scope, text);
        for (int n = 1; indexOfId(id) >= 0; n++) {
            id = Rule.idFor(scope, text + "#" + n);
        }
        return id;
    }

    private int indexOfId(String id) {
        return indexWhere(rule -> rule.id().equals(id));
    }

    private int indexOfText(String text) {
        return indexWhere(rule -> rule.text().equals(text));
    }

    private int indexWhere(Predicate<Rule> test) {
        for (int i = 0; i < rules.size(); i++) {
            if (test.test(rules.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private RuleList replaced(int at, Rule rule) {
        List<Rule> next = new ArrayList<>(rules);
        next.set(at, rule);
        return new RuleList(next);
    }

    private RuleList without(Set<Integer> positions) {
        List<Rule> next = new ArrayList<>(rules.size());
        for (int i = 0; i < rules.size(); i++) {
            if (!positions.contains(i)) {
                next.add(rules.get(i));
            }
        }
        return new RuleList(next);
    }
}
