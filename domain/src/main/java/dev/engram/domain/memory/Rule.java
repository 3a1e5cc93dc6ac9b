package dev.engram.domain.memory;

import dev.engram.domain.error.DomainException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * One rule of an agent's memory, whoever made it. The text is the line shown in the context, label included
 * ({@code [WORKS] …}, {@code [AVOID] …}, {@code [HIGH SCORE 0.92] …}), as the seed stores its rules; two rules of
 * one scope never share a text.
 *
 * @param id               stable handle for rule changes: derived from scope and text when the rule was made, kept
 *                         through edits
 * @param text             the rule as shown
 * @param polarity         repeat or avoid
 * @param scope            one task or all
 * @param importance       votes for the rule; at 0 it is dropped
 * @param trajectoryIds    the most recent trajectories behind it, oldest first, bounded by the policy
 * @param source           who made it
 * @param createdAt        the episode number when it was made
 * @param lastReinforcedAt the episode number when it was last found again, agreed with or edited
 */
public record Rule(
        String id,
        String text,
        Polarity polarity,
        RuleScope scope,
        int importance,
        List<String> trajectoryIds,
        RuleSource source,
        long createdAt,
        long lastReinforcedAt) {

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(polarity, "polarity");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(source, "source");
        if (text == null || text.isBlank()) {
            throw DomainException.invalidArgument("text", "must not be blank");
        }
        if (importance < 1) {
            throw DomainException.invalidArgument("importance", "must be at least 1, got " + importance);
        }
        trajectoryIds = List.copyOf(trajectoryIds);
    }

    /**
     * The id a rule gets when it is made: {@code r} and 16 hex digits of a 64-bit FNV-1a hash of scope and text, so
     * that the same rule gets the same id in every process and store.
     */
    public static String idFor(RuleScope scope, String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : (scope + "\n" + text).getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        String hex = Long.toHexString(hash);
        return "r" + "0".repeat(16 - hex.length()) + hex;
    }

    /** Found again (the same text added again): more evidence, no vote. */
    Rule reinforced(List<String> moreTrajectoryIds, int idLimit, long episode) {
        return new Rule(id, text, polarity, scope, importance, mergeIds(moreTrajectoryIds, idLimit), source,
                createdAt, episode);
    }

    /** Agreed with: one vote more. */
    Rule agreed(List<String> moreTrajectoryIds, int idLimit, long episode) {
        return new Rule(id, text, polarity, scope, importance + 1, mergeIds(moreTrajectoryIds, idLimit), source,
                createdAt, episode);
    }

    /** Rephrased: the edit counts as a vote too. */
    Rule edited(String newText, long episode) {
        return new Rule(id, newText, polarity, scope, importance + 1, trajectoryIds, source, createdAt, episode);
    }

    /** Voted against; the caller drops the rule instead when no importance would be left. */
    Rule weakened(int by) {
        return new Rule(id, text, polarity, scope, importance - by, trajectoryIds, source, createdAt,
                lastReinforcedAt);
    }

    /** Known ids keep their place, new ones go last, and only the newest {@code limit} stay. */
    private List<String> mergeIds(List<String> more, int limit) {
        LinkedHashSet<String> merged = new LinkedHashSet<>(trajectoryIds);
        merged.addAll(more);
        List<String> all = new ArrayList<>(merged);
        return all.subList(Math.max(0, all.size() - limit), all.size());
    }
}
