package dev.engram.domain.replay;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a filter into the list (or, for balanced sampling, the per-domain lists) a sample draws from, without
 * scanning the whole index:
 * <ul>
 *   <li>no filter: the list of all items, O(1);</li>
 *   <li>one dimension (outcome, agent, task or domain): that value's persistent list, O(1), whose own sum trees make
 *       each draw O(log m), m the items with that value;</li>
 *   <li>two or more: the shortest of the named lists is scanned and the matches collected into a temporary list,
 *       O(m_min) per request, then O(log m') per draw over the m' matches;</li>
 *   <li>a value no item has: the empty list, O(1).</li>
 * </ul>
 */
final class Eligibility {

    private Eligibility() {
    }

    static KeyList eligible(ItemTable table, ReplayFilter filter) {
        if (filter.equals(ReplayFilter.any())) {
            return table.all(); // the common case allocates nothing
        }
        List<Dimension> named = new ArrayList<>();
        List<KeyList> lists = new ArrayList<>();
        for (Dimension dimension : Dimension.ALL) {
            String value = filter.valueOf(dimension);
            if (value != null) {
                KeyList list = table.list(dimension, value);
                if (list == null) {
                    return KeyList.temporary(null);
                }
                named.add(dimension);
                lists.add(list);
            }
        }
        if (lists.size() == 1) {
            return lists.get(0);
        }
        int shortest = 0;
        for (int i = 1; i < lists.size(); i++) {
            if (lists.get(i).length() < lists.get(shortest).length()) {
                shortest = i;
            }
        }
        KeyList scanned = lists.get(shortest);
        KeyList matches = KeyList.temporary(null);
        for (int position = 0; position < scanned.length(); position++) {
            int slot = scanned.slotAt(position);
            if (slot != KeyList.HOLE && matchesAll(table, slot, named, lists)) {
                matches.append(slot);
            }
        }
        return matches;
    }

    /**
     * The per-domain lists with at least one eligible item, sorted by domain. Without a filter these are the domains'
     * persistent lists (O(D)); with a filter on the domain alone, that one list; with any other filter the eligible
     * list is split by domain into temporary lists (O(m) as above).
     */
    static List<KeyList> strata(ItemTable table, ReplayFilter filter) {
        List<KeyList> strata = new ArrayList<>();
        boolean onlyDomain = filter.domain() != null && filter.outcome() == null && filter.agentId() == null
                && filter.taskId() == null;
        if (filter.equals(ReplayFilter.any()) || onlyDomain) {
            for (KeyList list : table.lists(Dimension.DOMAIN)) {
                if (list.live() > 0 && (!onlyDomain || list.value().equals(filter.domain()))) {
                    strata.add(list);
                }
            }
            strata.sort(Comparator.comparing(KeyList::value));
            return strata;
        }
        KeyList eligible = eligible(table, filter);
        Map<String, KeyList> byDomain = new TreeMap<>();
        for (int position = 0; position < eligible.length(); position++) {
            int slot = eligible.slotAt(position);
            if (slot != KeyList.HOLE) {
                String domain = table.item(slot).domain();
                byDomain.computeIfAbsent(domain, KeyList::temporary).append(slot);
            }
        }
        strata.addAll(byDomain.values());
        return strata;
    }

    private static boolean matchesAll(ItemTable table, int slot, List<Dimension> named, List<KeyList> lists) {
        for (int i = 0; i < named.size(); i++) {
            if (table.keyOf(named.get(i), slot) != lists.get(i).key()) {
                return false;
            }
        }
        return true;
    }
}
