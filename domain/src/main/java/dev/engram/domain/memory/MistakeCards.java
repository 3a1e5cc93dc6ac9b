package dev.engram.domain.memory;

import dev.engram.domain.trajectory.MistakeCard;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The structured mistake cards of one agent, merged and bounded exactly as seed 004's {@code _record_mistake_card}:
 * a card counts as seen again when mistake type, task, worker and correct decision match ("" and absent alike); a
 * new card is appended, then the list is sorted by seen count and recency and cut to the cap. Only an append sorts:
 * merging leaves the order as it was, and the seed's later stable sorts start from that order, so it is kept too.
 */
final class MistakeCards {
    static final String UNKNOWN_TYPE = "unknown_mistake";
    static final String DEFAULT_LESSON = "Avoid repeating this failure.";

    /** Most seen first, then most recently seen; a stable sort keeps the list order among equals, as Python's does. */
    private static final Comparator<TrackedMistakeCard> STRONGEST_FIRST = Comparator
            .comparingLong(TrackedMistakeCard::seenCount)
            .thenComparingLong(TrackedMistakeCard::lastSeenEpisode)
            .reversed();

    private final int capacity;
    private final int textLimit;
    private final List<TrackedMistakeCard> cards = new ArrayList<>();

    MistakeCards(int capacity, int textLimit) {
        this.capacity = capacity;
        this.textLimit = textLimit;
    }

    /** Restores cards in their stored order; more than the cap are sorted and cut, as an append would. */
    void restore(List<TrackedMistakeCard> stored) {
        cards.clear();
        cards.addAll(stored);
        if (cards.size() > capacity) {
            sortAndCut();
        }
    }

    void record(MistakeCard card, String episodeTaskId, long episode) {
        String mistakeType = orElse(card.mistakeType(), UNKNOWN_TYPE);
        String taskId = orElse(card.taskId(), episodeTaskId);
        String evidence = CodePointPrefix.of(orElse(card.evidence(), ""), textLimit);
        String lesson = CodePointPrefix.of(orElse(card.lesson(), DEFAULT_LESSON), textLimit);
        for (int i = 0; i < cards.size(); i++) {
            TrackedMistakeCard existing = cards.get(i);
            MistakeCard known = existing.card();
            if (known.mistakeType().equals(mistakeType)
                    && known.taskId().equals(taskId)
                    && orElse(known.workerId(), "").equals(orElse(card.workerId(), ""))
                    && orElse(known.correctDecision(), "").equals(orElse(card.correctDecision(), ""))) {
                cards.set(i, existing.seenAgain(episode, evidence, lesson));
                return;
            }
        }
        cards.add(new TrackedMistakeCard(new MistakeCard(mistakeType, taskId, card.workerId(), card.badDecision(),
                card.correctDecision(), evidence, lesson), 1, episode, episode));
        sortAndCut();
    }

    /** The {@code limit} strongest cards, strongest first. */
    List<TrackedMistakeCard> strongest(int limit) {
        List<TrackedMistakeCard> sorted = new ArrayList<>(cards);
        sorted.sort(STRONGEST_FIRST);
        return List.copyOf(sorted.subList(0, Math.min(limit, sorted.size())));
    }

    int size() {
        return cards.size();
    }

    List<TrackedMistakeCard> all() {
        return List.copyOf(cards);
    }

    private void sortAndCut() {
        cards.sort(STRONGEST_FIRST);
        cards.subList(Math.min(capacity, cards.size()), cards.size()).clear();
    }

    /** Python's {@code value or fallback} for a string: absent and empty both fall back. */
    private static String orElse(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}
