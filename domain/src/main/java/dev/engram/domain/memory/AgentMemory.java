package dev.engram.domain.memory;

import dev.engram.domain.error.DomainException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one agent learned across episodes (seed 004's memory dict, as an aggregate): score history per task, the
 * recent-episode log, distinct mistakes and successes, merged mistake cards, and task and global rules.
 *
 * <p>Every part is bounded by the {@link MemoryPolicy}, and recording an episode or rendering a context touches only
 * those bounded parts, so both cost the same whatever the length of the agent's history.
 *
 * <p>Not thread-safe: a writer loads the aggregate, changes it and saves it; stores detect two writers with
 * {@link #version()}, which counts the changes made to it (a save succeeds only when the stored version is still
 * the one the writer loaded).
 */
public final class AgentMemory {
    private final String agentId;
    private final MemoryPolicy policy;
    private long version;
    private long totalEpisodes;
    private long lastConsolidatedAt;
    private final Map<String, TaskScores> scoresByTask = new LinkedHashMap<>();
    private final EpisodeLog episodeLog;
    private final DistinctTextLog mistakes;
    private final DistinctTextLog successes;
    private final MistakeCards mistakeCards;
    private final RuleBook rules;

    private AgentMemory(String agentId, MemoryPolicy policy) {
        if (agentId == null || agentId.isBlank()) {
            throw DomainException.invalidArgument("agentId", "must not be blank");
        }
        this.agentId = agentId;
        this.policy = Objects.requireNonNull(policy, "policy");
        this.episodeLog = new EpisodeLog(policy.episodeLogSize());
        this.mistakes = new DistinctTextLog(policy.mistakesKept());
        this.successes = new DistinctTextLog(policy.successesKept());
        this.mistakeCards = new MistakeCards(policy.mistakeCardsKept(), policy.cardTextLimit());
        this.rules = new RuleBook(policy);
    }

    /** A memory with nothing in it yet. */
    public static AgentMemory empty(String agentId, MemoryPolicy policy) {
        return new AgentMemory(agentId, policy);
    }

    /**
     * Rebuilds a memory from its {@link #state()}. With the policy it was saved under, {@code restore(s).state()}
     * equals {@code s}; under a tighter policy each part keeps what it would have kept had the policy always been
     * the tighter one (newest entries, strongest cards, highest-ranked rules).
     */
    public static AgentMemory restore(AgentMemoryState state, MemoryPolicy policy) {
        AgentMemory memory = new AgentMemory(state.agentId(), policy);
        if (state.version() < 0 || state.totalEpisodes() < 0 || state.lastConsolidatedAt() < 0) {
            throw DomainException.invalidArgument("state", "version and episode counts must not be negative");
        }
        memory.version = state.version();
        memory.totalEpisodes = state.totalEpisodes();
        memory.lastConsolidatedAt = state.lastConsolidatedAt();
        state.scoresByTask().forEach((task, scores) -> memory.scoresByTask.put(task, scores.keepingLast(policy.scoreWindow())));
        state.episodeLog().forEach(memory.episodeLog::append);
        state.mistakes().forEach(memory.mistakes::add);
        state.successes().forEach(memory.successes::add);
        memory.mistakeCards.restore(state.mistakeCards());
        state.taskRules().forEach((task, list) -> memory.rules.restore(RuleScope.task(task), list));
        memory.rules.restore(RuleScope.GLOBAL, state.globalRules());
        return memory;
    }

    /** Everything this memory holds, for a store to persist. */
    public AgentMemoryState state() {
        return new AgentMemoryState(agentId, version, totalEpisodes, lastConsolidatedAt, scoresByTask,
                episodeLog.entries(), mistakes.all(), successes.all(), mistakeCards.all(), rules.taskRules(),
                rules.list(RuleScope.GLOBAL).rules());
    }

    /**
     * Learns from one finished episode (the seed's {@code record_episode}): its score, a log line, its mistakes,
     * successes and mistake cards, and the rules they teach about its task.
     */
    public void record(Episode episode) {
        String taskId = episode.taskId();
        scoresByTask.put(taskId, scoresByTask.getOrDefault(taskId, TaskScores.NONE)
                .plus(episode.score(), policy.scoreWindow()));
        totalEpisodes++;
        episodeLog.append(new EpisodeLogEntry(totalEpisodes, episode.trajectoryId(), taskId, episode.score(),
                episode.steps(), episode.summary(), episode.recordedAt()));
        episode.mistakes().forEach(mistakes::add);
        episode.successes().forEach(successes::add);
        episode.mistakeCards().forEach(card -> mistakeCards.record(card, taskId, totalEpisodes));
        rules.ensureTask(taskId);
        rules.apply(EpisodeRules.changes(episode, policy), totalEpisodes);
        version++;
    }

    /**
     * Applies rule changes as one batch (see {@link RuleChange} for what each does); every scope the batch touched
     * is then cut to its cap, lowest rank first.
     *
     * @return the changes that named a rule its scope does not hold; they change nothing
     */
    public List<RuleChange> apply(List<RuleChange> changes) {
        List<RuleChange> ignored = rules.apply(changes, totalEpisodes);
        if (ignored.size() < changes.size()) {
            version++;
        }
        return ignored;
    }

    /** Whether {@link MemoryPolicy#consolidateEvery()} episodes have passed since the last consolidation. */
    public boolean consolidationDue() {
        return totalEpisodes - lastConsolidatedAt >= policy.consolidateEvery();
    }

    /**
     * Applies a consolidator's rule changes (for example {@link HeuristicConsolidation#changes}) and marks the memory
     * consolidated at its current episode count.
     *
     * @return the changes that named a rule its scope does not hold
     */
    public List<RuleChange> consolidate(List<RuleChange> changes) {
        List<RuleChange> ignored = rules.apply(changes, totalEpisodes);
        lastConsolidatedAt = totalEpisodes;
        version++;
        return ignored;
    }

    /** The context for a task (or for none, when {@code taskId} is null), within the policy's token budget. */
    public MemoryContext context(String taskId) {
        return context(taskId, policy.contextTokenBudget(), ApproximateTokenCounter.INSTANCE);
    }

    /**
     * The seed's {@code build_memory_context} within {@code maxTokens} as {@code counter} counts them. Under budget
     * the text is the seed's, byte for byte; over budget whole lines are dropped in {@link SectionKind}'s order.
     */
    public MemoryContext context(String taskId, int maxTokens, TokenCounter counter) {
        if (maxTokens < 0) {
            throw DomainException.invalidArgument("maxTokens", "must not be negative, got " + maxTokens);
        }
        TaskScores scores = taskId == null ? TaskScores.NONE : scoresByTask.getOrDefault(taskId, TaskScores.NONE);
        List<ContextSection> sections = ContextSections.render(taskId, policy, rules, mistakes, mistakeCards,
                episodeLog, scores);
        return TokenBudget.fit(sections, maxTokens, Objects.requireNonNull(counter, "counter"));
    }

    /** The seed's {@code memory_summary}. */
    public MemorySummary summary() {
        Map<String, Integer> ruleCounts = new LinkedHashMap<>();
        rules.taskRules().forEach((task, list) -> ruleCounts.put(task, list.size()));
        List<MemorySummary.CardCount> topCards = new ArrayList<>();
        for (TrackedMistakeCard card : mistakeCards.strongest(MemorySummary.TOP_CARDS)) {
            topCards.add(new MemorySummary.CardCount(card.card().mistakeType(), card.card().taskId(),
                    card.seenCount()));
        }
        Map<String, Double> means = new LinkedHashMap<>();
        scoresByTask.forEach((task, scores) -> means.put(task, HalfEvenDecimal.round(scores.mean(), 3)));
        return new MemorySummary(totalEpisodes, rules.list(RuleScope.GLOBAL).size(), ruleCounts, mistakes.size(),
                mistakeCards.size(), topCards, means);
    }

    public String agentId() {
        return agentId;
    }

    public MemoryPolicy policy() {
        return policy;
    }

    public long version() {
        return version;
    }

    public long totalEpisodes() {
        return totalEpisodes;
    }

    /** The recent episodes, oldest first: what a consolidator reads. */
    public List<EpisodeLogEntry> episodeLog() {
        return episodeLog.entries();
    }

    /** The rules of a scope in learning order. */
    public List<Rule> rules(RuleScope scope) {
        return rules.list(scope).rules();
    }

    /** Scores per task, in the order tasks were first seen. */
    public Map<String, TaskScores> scoresByTask() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(scoresByTask));
    }
}
