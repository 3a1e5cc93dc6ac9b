package dev.engram.domain.trajectory;

import java.util.Set;

/** The wire names of a trajectory's fields (INTERFACES.md), shared by the reader and the writer. */
final class TrajectoryFields {
    static final String TRAJECTORY_ID = "trajectory_id";
    static final String AGENT_ID = "agent_id";
    static final String TASK_ID = "task_id";
    static final String TASK_DESCRIPTION = "task_description";
    static final String DOMAIN = "domain";
    static final String INITIAL_STATE = "initial_state";
    static final String STEPS = "steps";
    static final String STEP_COUNT = "step_count";
    static final String FINAL_OUTCOME = "final_outcome";
    static final String REWARD = "reward";
    static final String LOSS = "loss";
    static final String METADATA = "metadata";
    static final String CREATED_AT = "created_at";
    static final String DURATION_SECONDS = "duration_seconds";
    static final String REFLECTION = "reflection";

    static final String TIMESTAMP = "timestamp";
    static final String TOOL_NAME = "tool_name";
    static final String TOOL_ARGS = "tool_args";
    static final String TOOL_RESULT = "tool_result";
    static final String AGENT_REASONING = "agent_reasoning";

    static final String SUMMARY = "summary";
    static final String MISTAKES = "mistakes";
    static final String SUCCESSES = "successes";
    static final String MISTAKE_CARDS = "mistake_cards";

    static final String MISTAKE_TYPE = "mistake_type";
    static final String WORKER_ID = "worker_id";
    static final String BAD_DECISION = "bad_decision";
    static final String CORRECT_DECISION = "correct_decision";
    static final String EVIDENCE = "evidence";
    static final String LESSON = "lesson";

    /** Seed 004's episode fields, accepted on input. */
    static final String SCORE = "score";
    static final String TRAJECTORY_SUMMARY = "trajectory_summary";

    static final Set<String> TOP_LEVEL = Set.of(TRAJECTORY_ID, AGENT_ID, TASK_ID, TASK_DESCRIPTION, DOMAIN, INITIAL_STATE,
            STEPS, STEP_COUNT, FINAL_OUTCOME, REWARD, LOSS, METADATA, CREATED_AT, DURATION_SECONDS, REFLECTION);
    static final Set<String> SEED_EPISODE = Set.of(SCORE, TRAJECTORY_SUMMARY, MISTAKES, SUCCESSES, MISTAKE_CARDS);
    static final Set<String> STEP = Set.of(TIMESTAMP, TOOL_NAME, TOOL_ARGS, TOOL_RESULT, AGENT_REASONING);
    static final Set<String> REFLECTION_FIELDS = Set.of(SUMMARY, MISTAKES, SUCCESSES, MISTAKE_CARDS);
    static final Set<String> CARD = Set.of(MISTAKE_TYPE, TASK_ID, WORKER_ID, BAD_DECISION, CORRECT_DECISION, EVIDENCE, LESSON);

    private TrajectoryFields() {
    }
}
