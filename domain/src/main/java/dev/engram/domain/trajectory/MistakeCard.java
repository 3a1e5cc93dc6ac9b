package dev.engram.domain.trajectory;

/**
 * A structured account of one mistake, as an agent reports it in its reflection. Every field may be absent
 * ({@code null}); the memory normalises them when it merges cards (seed 004's {@code _record_mistake_card}).
 *
 * @param mistakeType     a short label, e.g. {@code premature_escalation}
 * @param taskId          the task the mistake belongs to; absent means the episode's task
 * @param workerId        the worker or sub-agent that made it
 * @param badDecision     what was decided
 * @param correctDecision what should have been decided
 * @param evidence        what shows it was a mistake
 * @param lesson          the lesson to carry forward
 */
public record MistakeCard(
        String mistakeType,
        String taskId,
        String workerId,
        String badDecision,
        String correctDecision,
        String evidence,
        String lesson) {
}
