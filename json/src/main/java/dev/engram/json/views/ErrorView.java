package dev.engram.json.views;

import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import dev.engram.domain.error.Violation;
import dev.engram.domain.json.JsonObject;
import java.util.List;
import java.util.Objects;

/**
 * The one error shape of INTERFACES.md, for every front end:
 * {@code {"error": {"code", "message", "details": [{"index", "line", "field", "message"}]}}}. {@code index} and
 * {@code line} are present only for problems of a batch item (the line only where the input had lines).
 */
public final class ErrorView {
    private ErrorView() {
    }

    /** One problem: the item it belongs to (or none), where the item starts in the input (0: unknown), the field and why. */
    public record Detail(Integer index, long line, String field, String message) {
        public Detail {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(message, "message");
        }

        public static Detail of(Violation violation) {
            return new Detail(null, 0, violation.field(), violation.message());
        }
    }

    public static JsonObject of(DomainException failure) {
        return of(failure.code(), failure.getMessage(), failure.violations().stream().map(Detail::of).toList());
    }

    public static JsonObject of(ErrorCode code, String message, List<Detail> details) {
        JsonObject body = JsonObject.builder()
                .put("code", code.wireName())
                .put("message", message)
                .put("details", JsonValues.array(details, ErrorView::detail))
                .build();
        return JsonObject.builder().put("error", body).build();
    }

    private static JsonObject detail(Detail d) {
        JsonObject.Builder out = JsonObject.builder();
        if (d.index() != null) {
            out.put("index", d.index().longValue());
        }
        if (d.line() > 0) {
            out.put("line", d.line());
        }
        return out.put("field", d.field()).put("message", d.message()).build();
    }
}
