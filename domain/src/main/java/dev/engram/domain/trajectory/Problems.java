package dev.engram.domain.trajectory;

import dev.engram.domain.error.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the violations found in one item, by field path. A pathological item (a million bad strings) could
 * make an error report larger than the input; past {@value #MAX} the rest are counted in one last line.
 */
final class Problems {
    static final int MAX = 100;

    private final List<Violation> violations = new ArrayList<>();
    private int dropped;

    void add(String field, String message) {
        if (violations.size() < MAX) {
            violations.add(new Violation(field, message));
        } else {
            dropped++;
        }
    }

    boolean isEmpty() {
        return violations.isEmpty();
    }

    List<Violation> toList() {
        if (dropped == 0) {
            return List.copyOf(violations);
        }
        List<Violation> all = new ArrayList<>(violations);
        all.add(new Violation("", "and " + dropped + " more problems"));
        return List.copyOf(all);
    }

    static String child(String path, String key) {
        boolean plain = !key.isEmpty() && key.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-');
        if (plain) {
            return path.isEmpty() ? key : path + "." + key;
        }
        return path + "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    }

    static String index(String path, int index) {
        return path + "[" + index + "]";
    }
}
