package dev.engram.json.views;

import dev.engram.application.query.TrajectoryPage;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.trajectory.TrajectoryWriter;

/** A page of trajectories ({@code list --json}, {@code GET /v1/trajectories}): {@code {"items", "next_cursor"}}. */
public final class TrajectoryPageView {
    private TrajectoryPageView() {
    }

    public static JsonObject toJson(TrajectoryPage page) {
        return JsonObject.builder()
                .put("items", JsonValues.array(page.items(), TrajectoryWriter::toJson))
                .put("next_cursor", JsonValues.text(page.nextCursor()))
                .build();
    }
}
