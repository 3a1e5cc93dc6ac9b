package dev.engram.domain.memory;

import dev.engram.domain.trajectory.MistakeCard;
import java.util.Objects;

/**
 * A mistake card as the memory keeps it (the seed's {@code mistake_cards} entry): the card normalised — type
 * {@code unknown_mistake} when it gave none, its episode's task when it named none, evidence and lesson present and
 * cut to the policy's code points — with how often and when it was reported. Worker, bad and correct decision stay
 * as first reported; evidence and lesson are the latest non-empty ones.
 *
 * @param card             the normalised card; type, task, evidence and lesson are never absent
 * @param seenCount        how many reports it merged
 * @param firstSeenEpisode the episode that first reported it
 * @param lastSeenEpisode  the episode that last reported it
 */
public record TrackedMistakeCard(MistakeCard card, long seenCount, long firstSeenEpisode, long lastSeenEpisode) {
    public TrackedMistakeCard {
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(card.mistakeType(), "card.mistakeType");
        Objects.requireNonNull(card.taskId(), "card.taskId");
        Objects.requireNonNull(card.evidence(), "card.evidence");
        Objects.requireNonNull(card.lesson(), "card.lesson");
    }

    /** The same card reported once more by an episode. */
    TrackedMistakeCard seenAgain(long episode, String newEvidence, String newLesson) {
        MistakeCard updated = new MistakeCard(card.mistakeType(), card.taskId(), card.workerId(), card.badDecision(),
                card.correctDecision(), newEvidence.isEmpty() ? card.evidence() : newEvidence,
                newLesson.isEmpty() ? card.lesson() : newLesson);
        return new TrackedMistakeCard(updated, seenCount + 1, firstSeenEpisode, episode);
    }
}
