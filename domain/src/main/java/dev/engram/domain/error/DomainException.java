package dev.engram.domain.error;

import java.util.List;
import java.util.Objects;

/**
 * A failure the user can act on: a stable {@link ErrorCode}, a message, and every {@link Violation} found (never only
 * the first). Front ends map the code to an exit code or an HTTP status in one place each.
 */
public class DomainException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final List<Violation> violations;

    public DomainException(ErrorCode code, String message) {
        this(code, message, List.of());
    }

    public DomainException(ErrorCode code, String message, List<Violation> violations) {
        super(Objects.requireNonNull(message, "message"));
        this.code = Objects.requireNonNull(code, "code");
        this.violations = List.copyOf(violations);
    }

    /** A single problem with one field. */
    public static DomainException invalidArgument(String field, String message) {
        return new DomainException(ErrorCode.INVALID_ARGUMENT, field + ": " + message, List.of(new Violation(field, message)));
    }

    public ErrorCode code() {
        return code;
    }

    public List<Violation> violations() {
        return violations;
    }

    /** The field of the first violation, or {@code null} when the failure is not about a field. */
    public String field() {
        return violations.isEmpty() ? null : violations.get(0).field();
    }
}
