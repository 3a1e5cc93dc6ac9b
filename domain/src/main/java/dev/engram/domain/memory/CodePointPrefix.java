package dev.engram.domain.memory;

/**
 * Python's {@code text[:n]}: Python strings index code points, so a cut never splits an emoji or any other
 * character outside the Basic Multilingual Plane, where Java's {@code substring} would leave half a surrogate pair.
 */
final class CodePointPrefix {
    private CodePointPrefix() {
    }

    static String of(String text, int maxCodePoints) {
        if (text.length() <= maxCodePoints) {
            return text; // no more UTF-16 units than allowed, so no more code points either
        }
        int end = 0;
        for (int taken = 0; taken < maxCodePoints && end < text.length(); taken++) {
            end += Character.charCount(text.codePointAt(end));
        }
        return text.substring(0, end);
    }
}
