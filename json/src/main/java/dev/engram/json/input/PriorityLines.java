package dev.engram.json.input;

import dev.engram.application.port.in.InputItem;
import dev.engram.domain.error.Violation;
import dev.engram.domain.json.JsonNumber;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.JsonString;
import dev.engram.domain.json.JsonValue;
import dev.engram.domain.trajectory.Identifiers;
import dev.engram.json.views.ErrorView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lines of a {@code priorities} input, {@code {"trajectory_id": ..., "loss": ...}} each, checked one by one: the
 * losses by id (a later line for the same id wins: it is the learner's latest), or every problem by line and field.
 */
public final class PriorityLines {
    private static final Set<String> FIELDS = Set.of("trajectory_id", "loss");

    private final Map<String, Double> losses = new LinkedHashMap<>();
    private final List<ErrorView.Detail> problems = new ArrayList<>();

    private PriorityLines() {
    }

    public static PriorityLines check(List<InputItem> items) {
        PriorityLines lines = new PriorityLines();
        items.forEach(lines::check);
        return lines;
    }

    public Map<String, Double> losses() {
        return losses;
    }

    public List<ErrorView.Detail> problems() {
        return problems;
    }

    private void check(InputItem item) {
        if (item.parseError() != null) {
            problem(item, new Violation("", item.parseError()));
            return;
        }
        if (!(item.value() instanceof JsonObject line)) {
            problem(item, new Violation("", "a priority is an object {\"trajectory_id\": ..., \"loss\": ...}, got " + item.value().typeName()));
            return;
        }
        int before = problems.size();
        for (String key : line.members().keySet()) {
            if (!FIELDS.contains(key)) {
                problem(item, new Violation(key, "is not a field of a priority (trajectory_id, loss)"));
            }
        }
        String id = null;
        JsonValue rawId = line.get("trajectory_id");
        if (!(rawId instanceof JsonString text)) {
            problem(item, new Violation("trajectory_id", rawId == null ? "is required" : "must be a string, got " + rawId.typeName()));
        } else {
            id = text.value();
            Identifiers.idProblem(id).ifPresent(p -> problem(item, new Violation("trajectory_id", p)));
        }
        Double loss = null;
        JsonValue rawLoss = line.get("loss");
        if (!(rawLoss instanceof JsonNumber number)) {
            problem(item, new Violation("loss", rawLoss == null ? "is required" : "must be a number, got " + rawLoss.typeName()));
        } else if (!(Double.isFinite(number.doubleValue()) && number.doubleValue() >= 0)) {
            problem(item, new Violation("loss", "must be a finite number of at least 0, got " + number.value().toPlainString()));
        } else {
            loss = number.doubleValue();
        }
        if (problems.size() == before) {
            losses.remove(id); // re-inserted last: the map's order is the order of the latest lines
            losses.put(id, loss);
        }
    }

    private void problem(InputItem item, Violation violation) {
        problems.add(new ErrorView.Detail(item.index(), item.line(), violation.field(), violation.message()));
    }
}
