package dev.engram.domain.memory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/** The most recent episodes, oldest first, at most {@code capacity}: the seed trims its log to 100 when it saves. */
final class EpisodeLog {
    private final int capacity;
    private final ArrayDeque<EpisodeLogEntry> entries = new ArrayDeque<>();

    EpisodeLog(int capacity) {
        this.capacity = capacity;
    }

    void append(EpisodeLogEntry entry) {
        entries.addLast(entry);
        if (entries.size() > capacity) {
            entries.removeFirst();
        }
    }

    /** The last {@code limit} logged episodes of a task, oldest first; scans the bounded log from its end only. */
    List<EpisodeLogEntry> recentOfTask(String taskId, int limit) {
        List<EpisodeLogEntry> newestFirst = new ArrayList<>(limit);
        for (Iterator<EpisodeLogEntry> it = entries.descendingIterator(); it.hasNext() && newestFirst.size() < limit;) {
            EpisodeLogEntry entry = it.next();
            if (entry.taskId().equals(taskId)) {
                newestFirst.add(entry);
            }
        }
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    List<EpisodeLogEntry> entries() {
        return List.copyOf(entries);
    }
}
