package dev.engram.domain.replay;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The slots of the items that share one value of one dimension — or of all items — in slot order, which is
 * (createdAt, id) order once the table is laid out. A draw ranges over the positions of one such list; its weighted
 * trees (one per weighting, position-aligned with {@link #members}) live here so they are dropped with the list.
 *
 * <p>A persistent list belongs to the table and its trees are kept up to date on every change; a temporary one is
 * built for one request (a combined filter, a balanced stratum under a filter) and its trees die with it.
 */
final class KeyList {

    static final int HOLE = -1;

    private final String value;
    private final int key;
    private final boolean persistent;
    private int[] members = new int[8];
    private int length;
    private int live;
    final Map<Weighting, WeightedTree> trees = new HashMap<>();

    KeyList(String value, int key, boolean persistent) {
        this.value = value;
        this.key = key;
        this.persistent = persistent;
    }

    static KeyList temporary(String value) {
        return new KeyList(value, -1, false);
    }

    /** Adds a slot at the end; returns its position. */
    int append(int slot) {
        if (length == members.length) {
            members = Arrays.copyOf(members, members.length * 2);
        }
        members[length] = slot;
        live++;
        return length++;
    }

    void clear(int position) {
        members[position] = HOLE;
        live--;
    }

    /** The slot at a position, or {@link #HOLE}. */
    int slotAt(int position) {
        return members[position];
    }

    /** Positions in use, holes included. */
    int length() {
        return length;
    }

    /** Items in the list. */
    int live() {
        return live;
    }

    boolean hasHoles() {
        return live != length;
    }

    /** The dimension value the list stands for; {@code null} for the list of all items. */
    String value() {
        return value;
    }

    /** The value's number in its dimension; -1 for lists that are no dimension's. */
    int key() {
        return key;
    }

    boolean persistent() {
        return persistent;
    }
}
