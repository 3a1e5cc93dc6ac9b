package dev.engram.domain.replay;

import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import dev.engram.domain.error.Violation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A prioritized experience-replay index in the manner of Schaul et al. (2016) and Reverb: items with a priority,
 * drawn uniformly, by priority, by recency, by a mixture, balanced across domains, or listed oldest / newest / highest
 * first, each draw with its probability and importance-sampling weight; capacity with eviction; replay counts.
 *
 * <h2>Threads</h2>
 * Mutable and single-threaded: even {@link #sample} changes state (replay counts, lazily built trees). Callers that
 * share an index lock around every call.
 *
 * <h2>Layout and reproducibility</h2>
 * Items sit in (createdAt, id) order, and every draw is a function of that order, the weights and the generator's
 * output: the same seed on the same contents gives the same batch, whatever order the items were added in. Appending
 * in order is the fast path; an item that comes before the last one added marks the layout unordered (and drops the
 * sum trees), and the next read re-sorts once — O(n log n) per batch of out-of-order imports, not per insert. A
 * removal or eviction leaves a hole of weight 0 until the table is compacted (when holes outnumber items): uniform
 * draws are exact integer arithmetic and unaffected, but a weighted sum grouped around holes can round differently in
 * the last bits, so bit-for-bit equal batches are promised for equal contents reached without removals since the last
 * compaction (a fresh build, a {@link #restore}, or any sequence of adds).
 *
 * <h2>Cost</h2>
 * With n items and W cached weightings (distinct α or half-life, at most
 * {@link ReplayConfig#weightingCacheSize()}):
 * <ul>
 *   <li>{@link #add}: O(W · log n) amortised (the 16-ary trees of every list the item joins, the tournament trees);
 *       an out-of-order add O(log n) and a later O(n log n) re-sort shared by all such adds.</li>
 *   <li>{@link #remove}, {@link #updatePriority}: O(W · log n); {@link #updatePriorities}: that per id.</li>
 *   <li>{@link #sample}, weighted strategies: O(log m) per draw over m eligible items — m = n without a filter, the
 *       value's items for a filter on one dimension (its own sum trees); a combined filter first collects its matches
 *       from the shortest named list, O(m_min). The first use of a weighting on a list builds its tree, O(m).</li>
 *   <li>fifo / lifo: O(k + holes passed); top: O(k · 16 · log n) unfiltered, O(m log k) filtered.</li>
 *   <li>balanced: the domains' own lists without a filter (O(D) to find them), else the eligible list split by domain
 *       (O(m)); then the within strategy's cost per domain.</li>
 *   <li>{@link #stats}: O(n) (the mean loss); {@link #entries}: O(n); {@link #restore}: O(n).</li>
 * </ul>
 */
public final class ReplayIndex {

    /** The priority of an item of unknown loss added to an empty index (PER's initial maximum). */
    public static final double INITIAL_PRIORITY = 1.0;

    private final ReplayConfig config;
    private final WeightingCache weightings;
    private final WinnerTree highest;
    private final WinnerTree evictionOrder;
    private ItemTable table = new ItemTable();
    private long totalReplays;

    public ReplayIndex(ReplayConfig config) {
        if (config == null) {
            throw DomainException.invalidArgument("config", "is required");
        }
        this.config = config;
        this.weightings = new WeightingCache(config.weightingCacheSize());
        WinnerTree.Order older = (a, b) -> table.older(a, b);
        this.highest = new WinnerTree(slot -> -table.priority(slot), older, 0);
        this.evictionOrder = !config.bounded() ? null : new WinnerTree(config.eviction() == EvictionPolicy.OLDEST
                ? slot -> table.epochSeconds(slot)
                : slot -> table.priority(slot), older, 0);
    }

    /**
     * An index holding {@code entries}, which must come in strictly increasing (createdAt, id) order — as
     * {@link #entries()} yields them — with distinct ids and no more than the capacity: O(n), no sorting.
     */
    public static ReplayIndex restore(ReplayConfig config, Iterable<ReplayEntry> entries) {
        ReplayIndex index = new ReplayIndex(config);
        if (entries == null) {
            throw DomainException.invalidArgument("entries", "is required");
        }
        if (entries instanceof java.util.Collection<?> known) {
            index.table = new ItemTable(Math.min(known.size(), config.capacity()));
        }
        ReplayItem previous = null;
        int count = 0;
        for (ReplayEntry entry : entries) {
            if (entry == null) {
                throw DomainException.invalidArgument("entries[" + count + "]", "is required");
            }
            if (previous != null && !ItemOrder.before(previous, entry.item())) {
                throw DomainException.invalidArgument("entries[" + count + "]", "is not after the entry before it in"
                        + " (created_at, id) order: " + entry.id() + " follows " + previous.id());
            }
            if (count == config.capacity()) {
                throw DomainException.invalidArgument("entries", "hold more than the capacity of " + config.capacity());
            }
            try {
                index.table.append(entry.item(), entry.priority(), entry.replayCount());
            } catch (IllegalArgumentException duplicate) {
                throw DomainException.invalidArgument("entries[" + count + "].id", "appears twice: " + entry.id());
            }
            index.totalReplays += entry.replayCount();
            previous = entry.item();
            count++;
        }
        index.rebuildTournaments();
        return index;
    }

    public ReplayConfig config() {
        return config;
    }

    /**
     * Adds an item; an id already held is left as it is (idempotent). A full index first evicts per its policy —
     * possibly the incoming item itself, when it is the one the policy ranks last.
     *
     * @return the entry that left the index, if one did
     */
    public Optional<ReplayEntry> add(ReplayItem item) {
        if (item == null) {
            throw DomainException.invalidArgument("item", "is required");
        }
        if (table.slotOf(item.id()) >= 0) {
            return Optional.empty();
        }
        double priority = item.loss() == null ? maxPriority() : item.loss() + config.epsilon();
        ReplayEntry evicted = null;
        if (table.live() >= config.capacity()) {
            int victim = evictionOrder.winner();
            if (evictsFirst(item, priority, victim)) {
                return Optional.of(new ReplayEntry(item, priority, 0));
            }
            evicted = table.entry(victim);
            free(victim);
        }
        boolean wasOrdered = table.ordered();
        int slot = table.append(item, priority, 0);
        if (wasOrdered && !table.ordered()) {
            dropSumTrees();
        }
        highest.set(slot, true);
        if (evictionOrder != null) {
            evictionOrder.set(slot, true);
        }
        refreshSumTrees(slot, false);
        compactIfSparse();
        return Optional.ofNullable(evicted);
    }

    /** Removes an item; false when the index does not hold it. */
    public boolean remove(String id) {
        int slot = table.slotOf(requireId(id));
        if (slot < 0) {
            return false;
        }
        free(slot);
        compactIfSparse();
        return true;
    }

    /** Sets an item's loss (priority = loss + ε); false, and nothing changes, when the index does not hold it. */
    public boolean updatePriority(String id, double loss) {
        requireId(id);
        ReplayItem.requireLoss("loss", loss);
        int slot = table.slotOf(id);
        if (slot < 0) {
            return false;
        }
        applyLoss(slot, loss);
        return true;
    }

    /**
     * Sets many losses at once. Every id and loss is checked before any is applied; ids the index no longer holds
     * (evicted or removed since they were sampled) are skipped and reported.
     */
    public PriorityUpdateResult updatePriorities(Map<String, Double> losses) {
        if (losses == null) {
            throw DomainException.invalidArgument("losses", "is required");
        }
        List<Violation> problems = new ArrayList<>();
        for (Map.Entry<String, Double> update : losses.entrySet()) {
            String field = "losses[" + update.getKey() + "]";
            if (update.getKey() == null || update.getKey().isBlank()) {
                problems.add(new Violation("losses", "an id is missing"));
            } else if (update.getValue() == null || !Double.isFinite(update.getValue()) || update.getValue() < 0) {
                problems.add(new Violation(field, "must be a finite number of at least 0, got " + update.getValue()));
            }
        }
        if (!problems.isEmpty()) {
            throw new DomainException(ErrorCode.INVALID_ARGUMENT,
                    problems.stream().map(Violation::toString).collect(Collectors.joining("; ")), problems);
        }
        TreeSet<String> skipped = new TreeSet<>();
        int updated = 0;
        for (Map.Entry<String, Double> update : losses.entrySet()) {
            int slot = table.slotOf(update.getKey());
            if (slot < 0) {
                skipped.add(update.getKey());
            } else {
                applyLoss(slot, update.getValue());
                updated++;
            }
        }
        return new PriorityUpdateResult(updated, new ArrayList<>(skipped));
    }

    public boolean contains(String id) {
        return table.slotOf(requireId(id)) >= 0;
    }

    /** The entry of an id — its item, priority and replay count — if the index holds it. */
    public Optional<ReplayEntry> find(String id) {
        int slot = table.slotOf(requireId(id));
        return slot < 0 ? Optional.empty() : Optional.of(table.entry(slot));
    }

    public int size() {
        return table.live();
    }

    /**
     * Draws a sample; every returned draw adds one to its item's replay count. An empty index or a filter nothing
     * matches gives an empty list.
     *
     * @param random the caller's generator; {@link ReplayRandom#seeded} gives the reproducible one
     */
    public List<ReplayDraw> sample(SampleRequest request, RandomGenerator random) {
        if (request == null) {
            throw DomainException.invalidArgument("request", "is required");
        }
        if (random == null) {
            throw DomainException.invalidArgument("random", "is required");
        }
        layOutIfUnordered();
        Draws draws = new Sampler(table, weightings, highest).sample(request, random);
        List<ReplayDraw> result = new ArrayList<>(draws.size());
        for (int i = 0; i < draws.size(); i++) {
            int slot = draws.slot(i);
            result.add(new ReplayDraw(table.id(slot), draws.probability(i), draws.weight(i)));
            table.countReplay(slot);
            totalReplays++;
        }
        return Collections.unmodifiableList(result);
    }

    /**
     * The (at most) k eligible entries of highest priority, highest first, ties to the older; replay counts are left
     * unchanged.
     */
    public List<ReplayEntry> top(int k, ReplayFilter filter) {
        if (k < 1 || k > SampleRequest.MAX_N) {
            throw DomainException.invalidArgument("k", "must be between 1 and " + SampleRequest.MAX_N + ", got " + k);
        }
        layOutIfUnordered();
        KeyList eligible = Eligibility.eligible(table, filter == null ? ReplayFilter.any() : filter);
        int[] slots = new OrderedDraws(table, highest).top(eligible, k);
        List<ReplayEntry> entries = new ArrayList<>(slots.length);
        for (int slot : slots) {
            entries.add(table.entry(slot));
        }
        return Collections.unmodifiableList(entries);
    }

    public ReplayStats stats() {
        double meanLoss = 0; // a running mean: a sum of large finite losses could overflow
        int known = 0;
        for (int slot = 0; slot < table.length(); slot++) {
            ReplayItem item = table.item(slot);
            if (item != null && item.loss() != null) {
                known++;
                meanLoss += (item.loss() - meanLoss) / known;
            }
        }
        TreeMap<String, Long> domains = new TreeMap<>();
        for (KeyList list : table.lists(Dimension.DOMAIN)) {
            if (list.live() > 0) {
                domains.put(list.value(), (long) list.live());
            }
        }
        return new ReplayStats(table.live(), totalReplays, known == 0 ? null : meanLoss, domains);
    }

    /**
     * Every entry in (createdAt, id) order — what {@link #restore} takes back. The stream reads the index lazily:
     * consume it before the next change.
     */
    public Stream<ReplayEntry> entries() {
        layOutIfUnordered();
        ItemTable current = table;
        return IntStream.range(0, current.length()).filter(slot -> current.item(slot) != null)
                .mapToObj(current::entry);
    }

    /** The highest priority held, or {@link #INITIAL_PRIORITY} when the index is empty. */
    public double maxPriority() {
        int slot = highest.winner();
        return slot < 0 ? INITIAL_PRIORITY : table.priority(slot);
    }

    private boolean evictsFirst(ReplayItem incoming, double priority, int victim) {
        boolean older = ItemOrder.before(incoming, table.item(victim));
        if (config.eviction() == EvictionPolicy.OLDEST) {
            return older;
        }
        double victimPriority = table.priority(victim);
        return priority < victimPriority || (priority == victimPriority && older);
    }

    private void applyLoss(int slot, double loss) {
        table.setItem(slot, table.item(slot).withLoss(loss), loss + config.epsilon());
        highest.set(slot, true);
        if (evictionOrder != null && config.eviction() == EvictionPolicy.LOWEST_PRIORITY) {
            evictionOrder.set(slot, true);
        }
        refreshSumTrees(slot, true);
    }

    private void free(int slot) {
        totalReplays -= table.replays(slot);
        table.free(slot);
        highest.set(slot, false);
        if (evictionOrder != null) {
            evictionOrder.set(slot, false);
        }
        refreshSumTrees(slot, false);
    }

    // Re-weights a slot in every tree of every list it is in (weight 0 once freed).
    private void refreshSumTrees(int slot, boolean priorityChangedOnly) {
        refresh(table.all(), slot, slot, priorityChangedOnly);
        for (Dimension dimension : Dimension.ALL) {
            refresh(table.listOf(dimension, slot), table.positionIn(dimension, slot), slot, priorityChangedOnly);
        }
    }

    private void refresh(KeyList list, int position, int slot, boolean priorityChangedOnly) {
        if (list.trees.isEmpty()) {
            return;
        }
        boolean live = table.item(slot) != null;
        for (Map.Entry<Weighting, WeightedTree> cached : list.trees.entrySet()) {
            WeightedTree tree = cached.getValue();
            if (priorityChangedOnly && !cached.getKey().usesPriority()) {
                continue;
            }
            if (!live) {
                tree.tree().set(position, 0);
            } else if (tree.weights().fits(slot)) {
                tree.tree().set(position, tree.weights().of(slot));
            } else {
                cached.setValue(WeightedTree.build(cached.getKey(), table, list));
            }
        }
    }

    private void dropSumTrees() {
        table.all().trees.clear();
        for (Dimension dimension : Dimension.ALL) {
            for (KeyList list : table.lists(dimension)) {
                list.trees.clear();
            }
        }
    }

    private void layOutIfUnordered() {
        if (!table.ordered()) {
            layOut();
        }
    }

    // Holes cost memory and scan time but nothing else; compacting once they outnumber the items keeps both O(n).
    private void compactIfSparse() {
        int holes = table.length() - table.live();
        if (holes > Math.max(table.live(), 1024)) {
            layOut();
        }
    }

    private void layOut() {
        table = table.laidOut();
        rebuildTournaments();
    }

    private void rebuildTournaments() {
        highest.rebuild(table.length(), slot -> table.item(slot) != null);
        if (evictionOrder != null) {
            evictionOrder.rebuild(table.length(), slot -> table.item(slot) != null);
        }
    }

    private static String requireId(String id) {
        if (id == null || id.isBlank()) {
            throw DomainException.invalidArgument("id", "is required and must not be blank");
        }
        return id;
    }
}
