package dev.engram.json.views;

import dev.engram.application.port.in.SampleResult;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.trajectory.TrajectoryWriter;

/**
 * A replay batch ({@code sample --json}, {@code POST /v1/replay/sample}):
 * {@code {"strategy", "seed", "requested", "returned", "items": [{"trajectory_id", "probability", "weight", "trajectory"}]}}.
 */
public final class SampleView {
    private SampleView() {
    }

    public static JsonObject toJson(SampleResult result) {
        return JsonObject.builder()
                .put("strategy", result.strategy())
                .put("seed", result.seed())
                .put("requested", result.requested())
                .put("returned", result.items().size())
                .put("items", JsonValues.array(result.items(), SampleView::item))
                .build();
    }

    private static JsonObject item(SampleResult.Item item) {
        return JsonObject.builder()
                .put("trajectory_id", item.trajectory().trajectoryId())
                .put("probability", item.probability())
                .put("weight", item.weight())
                .put("trajectory", TrajectoryWriter.toJson(item.trajectory()))
                .build();
    }
}
