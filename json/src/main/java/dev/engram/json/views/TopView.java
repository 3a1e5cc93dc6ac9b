package dev.engram.json.views;

import dev.engram.application.port.in.TopQuery;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.trajectory.Trajectory;
import dev.engram.domain.trajectory.TrajectoryWriter;
import java.util.List;
import java.util.Locale;

/** The best or worst runs of a task ({@code top --json}, {@code GET /v1/top}): {@code {"task_id", "kind", "items"}}. */
public final class TopView {
    private TopView() {
    }

    public static JsonObject toJson(TopQuery query, List<Trajectory> items) {
        return JsonObject.builder()
                .put("task_id", query.taskId())
                .put("kind", query.kind().name().toLowerCase(Locale.ROOT))
                .put("items", JsonValues.array(items, TrajectoryWriter::toJson))
                .build();
    }
}
