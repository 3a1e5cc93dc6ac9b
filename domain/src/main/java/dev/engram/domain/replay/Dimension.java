package dev.engram.domain.replay;

/** The attributes an index keeps a per-value sub-list (and sub-trees) for, so that a filter on one is O(log n). */
enum Dimension {
    OUTCOME,
    AGENT,
    TASK,
    DOMAIN;

    static final Dimension[] ALL = values();

    String valueOf(ReplayItem item) {
        switch (this) {
            case OUTCOME:
                return item.outcome().wireName();
            case AGENT:
                return item.agentId();
            case TASK:
                return item.taskId();
            default:
                return item.domain();
        }
    }
}
