package dev.engram.domain.trajectory;

import dev.engram.domain.json.JsonString;
import java.util.Locale;
import java.util.Optional;

/** The rules for ids and labels (INTERFACES.md), and the stable task id derived from a description. */
public final class Identifiers {
    public static final int MAX_ID_LENGTH = 128;
    private static final int SLUG_LENGTH = 40;

    private Identifiers() {
    }

    /** Why the text is not a valid trajectory id (1–128 of {@code [A-Za-z0-9._:-]}, starting with a letter or digit). */
    public static Optional<String> idProblem(String id) {
        if (id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            return Optional.of("must be 1 to " + MAX_ID_LENGTH + " characters, got " + id.length());
        }
        if (!isAsciiLetterOrDigit(id.charAt(0))) {
            return Optional.of("must start with a letter or digit, got " + quote(id));
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!isAsciiLetterOrDigit(c) && c != '.' && c != '_' && c != ':' && c != '-') {
                return Optional.of("may only hold letters, digits and . _ : -, got " + quote(id));
            }
        }
        return Optional.empty();
    }

    /** Why the text is not a valid label (agent, task, domain: 1–128 characters without control characters). */
    public static Optional<String> labelProblem(String label) {
        int length = label.codePointCount(0, label.length());
        if (length == 0 || length > MAX_ID_LENGTH) {
            return Optional.of("must be 1 to " + MAX_ID_LENGTH + " characters, got " + length);
        }
        // a loop rather than codePoints(): this runs for every id of every request
        for (int i = 0; i < label.length(); ) {
            int cp = label.codePointAt(i);
            if (Character.getType(cp) == Character.CONTROL) {
                return Optional.of("must not contain control characters");
            }
            i += Character.charCount(cp);
        }
        if (label.isBlank()) {
            return Optional.of("must not be blank");
        }
        return Optional.empty();
    }

    /**
     * A stable task id from a description: a slug of it plus a short hash, so that the same description always
     * gives the same task and two descriptions with the same slug do not collide: {@code fix-authentication-bugs-1a2b3c4d}.
     */
    public static String taskIdFromDescription(String description) {
        String slug = description.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > SLUG_LENGTH) {
            slug = slug.substring(0, SLUG_LENGTH).replaceAll("-+$", "");
        }
        String hash = ContentDigest.of(new JsonString(description)).substring(0, 8);
        return slug.isEmpty() ? "task-" + hash : slug + "-" + hash;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    static String quote(String text) {
        String shown = text.length() > 60 ? text.substring(0, 57) + "..." : text;
        return "'" + shown + "'";
    }
}
