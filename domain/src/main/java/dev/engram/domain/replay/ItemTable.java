package dev.engram.domain.replay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The items of an index, column by column and addressed by slot, with the id → slot map and the per-dimension lists.
 * Slots are handed out in append order; a freed slot stays a hole until the index lays the table out again
 * ({@link #laidOut()}). While every append came after the previous one in (createdAt, id) order the table is
 * <em>ordered</em>: slot order is then (createdAt, id) order, which is what reproducible draws rest on.
 */
final class ItemTable {

    private static final int DIMENSIONS = Dimension.ALL.length;

    private ReplayItem[] items;
    // the id again, so that reporting a draw costs one cache miss rather than two (slot -> item -> id)
    private String[] ids;
    private double[] priority;
    private long[] replays;
    private long[] seconds;
    private int[] nanos;
    // per slot, for each dimension, the value's number and the slot's position in that value's list: 8 ints, one
    // cache line, so maintaining the four lists of an item costs one miss here instead of eight
    private static final int PLACEMENT_SHIFT = 3;
    private int[] placement;
    private int length;
    private int live;
    private boolean ordered = true;
    private ReplayItem last;

    private final Map<String, Integer> slotById;
    private final KeyList all = new KeyList(null, -1, true);
    private final List<Map<String, KeyList>> listByValue = new ArrayList<>();
    private final List<List<KeyList>> listByKey = new ArrayList<>();

    ItemTable() {
        this(16);
    }

    /** A table sized for {@code expected} items, so that a bulk restore neither regrows arrays nor rehashes ids. */
    ItemTable(int expected) {
        int capacity = Math.max(16, expected);
        items = new ReplayItem[capacity];
        ids = new String[capacity];
        priority = new double[capacity];
        replays = new long[capacity];
        seconds = new long[capacity];
        nanos = new int[capacity];
        placement = new int[capacity << PLACEMENT_SHIFT];
        slotById = new HashMap<>((int) Math.min(Integer.MAX_VALUE, capacity * 4L / 3 + 1));
        for (int d = 0; d < DIMENSIONS; d++) {
            listByValue.add(new HashMap<>());
            listByKey.add(new ArrayList<>());
        }
    }

    /** Appends a live item; returns its slot. Clears {@link #ordered()} if it comes before the last one appended. */
    int append(ReplayItem item, double itemPriority, long itemReplays) {
        if (length == items.length) {
            grow();
        }
        // one map operation both places the id and finds a duplicate (a bulk restore relies on it)
        if (slotById.putIfAbsent(item.id(), length) != null) {
            throw new IllegalArgumentException("id already held: " + item.id());
        }
        int slot = length++;
        items[slot] = item;
        ids[slot] = item.id();
        priority[slot] = itemPriority;
        replays[slot] = itemReplays;
        seconds[slot] = item.createdAt().getEpochSecond();
        nanos[slot] = item.createdAt().getNano();
        all.append(slot);
        for (Dimension dimension : Dimension.ALL) {
            KeyList list = listFor(dimension, dimension.valueOf(item));
            placement[placementOf(dimension, slot)] = list.key();
            placement[placementOf(dimension, slot) + 1] = list.append(slot);
        }
        live++;
        if (last != null && !ItemOrder.before(last, item)) {
            ordered = false;
        }
        last = item;
        return slot;
    }

    /** Frees a live slot, leaving a hole in every list it was in. */
    void free(int slot) {
        slotById.remove(ids[slot]);
        items[slot] = null;
        ids[slot] = null;
        replays[slot] = 0;
        all.clear(slot);
        for (Dimension dimension : Dimension.ALL) {
            listOf(dimension, slot).clear(positionIn(dimension, slot));
        }
        live--;
    }

    /** A new table with the same live items in (createdAt, id) order and no holes: O(n), O(n log n) if unordered. */
    ItemTable laidOut() {
        Integer[] slots = new Integer[live];
        int count = 0;
        for (int slot = 0; slot < length; slot++) {
            if (items[slot] != null) {
                slots[count++] = slot;
            }
        }
        if (!ordered) {
            Arrays.sort(slots, (a, b) -> ItemOrder.compare(items[a], items[b]));
        }
        ItemTable table = new ItemTable(live);
        for (int slot : slots) {
            table.append(items[slot], priority[slot], replays[slot]);
        }
        return table;
    }

    private KeyList listFor(Dimension dimension, String value) {
        Map<String, KeyList> byValue = listByValue.get(dimension.ordinal());
        KeyList list = byValue.get(value);
        if (list == null) {
            List<KeyList> byKey = listByKey.get(dimension.ordinal());
            list = new KeyList(value, byKey.size(), true);
            byKey.add(list);
            byValue.put(value, list);
        }
        return list;
    }

    private void grow() {
        int capacity = items.length * 2;
        items = Arrays.copyOf(items, capacity);
        ids = Arrays.copyOf(ids, capacity);
        priority = Arrays.copyOf(priority, capacity);
        replays = Arrays.copyOf(replays, capacity);
        seconds = Arrays.copyOf(seconds, capacity);
        nanos = Arrays.copyOf(nanos, capacity);
        placement = Arrays.copyOf(placement, capacity << PLACEMENT_SHIFT);
    }

    /** The slot of an id, or -1. */
    int slotOf(String id) {
        Integer slot = slotById.get(id);
        return slot == null ? -1 : slot;
    }

    ReplayItem item(int slot) {
        return items[slot];
    }

    String id(int slot) {
        return ids[slot];
    }

    void setItem(int slot, ReplayItem item, double itemPriority) {
        items[slot] = item;
        priority[slot] = itemPriority;
    }

    double priority(int slot) {
        return priority[slot];
    }

    long replays(int slot) {
        return replays[slot];
    }

    void countReplay(int slot) {
        replays[slot]++;
    }

    /**
     * createdAt as seconds since the epoch (recency weights, the oldest-first tournament): rounding may merge two
     * close times but never reverses them, so it agrees with {@link #older}.
     */
    double epochSeconds(int slot) {
        return seconds[slot] + nanos[slot] * 1e-9;
    }

    ReplayEntry entry(int slot) {
        return new ReplayEntry(items[slot], priority[slot], replays[slot]);
    }

    /** The list of all items: its positions are the slots. */
    KeyList all() {
        return all;
    }

    /** The list of one dimension value, or {@code null} when no item ever had it since the last layout. */
    KeyList list(Dimension dimension, String value) {
        return listByValue.get(dimension.ordinal()).get(value);
    }

    /** Every list of one dimension, in the order their values first appeared. */
    List<KeyList> lists(Dimension dimension) {
        return listByKey.get(dimension.ordinal());
    }

    /** The list a slot belongs to in one dimension. */
    KeyList listOf(Dimension dimension, int slot) {
        return listByKey.get(dimension.ordinal()).get(keyOf(dimension, slot));
    }

    int positionIn(Dimension dimension, int slot) {
        return placement[placementOf(dimension, slot) + 1];
    }

    int keyOf(Dimension dimension, int slot) {
        return placement[placementOf(dimension, slot)];
    }

    private static int placementOf(Dimension dimension, int slot) {
        return (slot << PLACEMENT_SHIFT) + 2 * dimension.ordinal();
    }

    /** Slots handed out, holes included. */
    int length() {
        return length;
    }

    int live() {
        return live;
    }

    boolean ordered() {
        return ordered;
    }

    /** (createdAt, id) order of two live slots; the columns answer all but exact ties without touching the items. */
    boolean older(int slot, int other) {
        if (seconds[slot] != seconds[other]) {
            return seconds[slot] < seconds[other];
        }
        if (nanos[slot] != nanos[other]) {
            return nanos[slot] < nanos[other];
        }
        return ids[slot].compareTo(ids[other]) < 0;
    }

    /** The order that picks the maximum priority and lists the top: higher priority first, then older. */
    boolean higherPriority(int slot, int other) {
        double a = priority[slot];
        double b = priority[other];
        return a > b || (a == b && older(slot, other));
    }
}
