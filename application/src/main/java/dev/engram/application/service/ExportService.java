package dev.engram.application.service;

import static dev.engram.application.service.ExportFormat.*;

import dev.engram.application.port.in.ExportQuery;
import dev.engram.application.port.in.ExportUseCase;
import dev.engram.application.port.out.MemoryStore;
import dev.engram.application.port.out.TrajectoryStore;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.JsonValue;
import dev.engram.domain.trajectory.Trajectory;
import dev.engram.domain.trajectory.TrajectoryWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import reactor.core.publisher.Flux;

/** Streams a namespace out, in constant memory: trajectories in (created_at, id) order, then memories by agent. */
public final class ExportService implements ExportUseCase {
    private static final int CHUNK = 500;

    private final TrajectoryStore store;
    private final MemoryStore memories;

    ExportService(TrajectoryStore store, MemoryStore memories) {
        this.store = store;
        this.memories = memories;
    }

    @Override
    public Flux<JsonObject> export(ExportQuery query) {
        String ns = query.namespace();
        if (query.what() == ExportQuery.What.TRAJECTORIES) {
            return store.streamAll(ns).map(TrajectoryWriter::toJson);
        }
        JsonObject header = JsonObject.builder().put(TYPE, HEADER).put(FORMAT, VERSION).put(NAMESPACE, ns).build();
        Flux<JsonObject> trajectories = store.streamAll(ns).buffer(CHUNK).concatMap(chunk -> withReplayCounts(ns, chunk));
        Flux<JsonObject> aggregates = memories.streamAll(ns).map(stored -> {
            JsonValue memory = stored.state().get(MemoryProjector.MEMORY);
            return JsonObject.builder().put(TYPE, MEMORY).put(AGENT_ID, stored.agentId()).put(MEMORY, memory).build();
        });
        return Flux.concat(Flux.just(header), trajectories, aggregates);
    }

    private Flux<JsonObject> withReplayCounts(String ns, List<Trajectory> chunk) {
        List<String> ids = chunk.stream().map(Trajectory::trajectoryId).collect(Collectors.toList());
        return store.replayCounts(ns, ids).flatMapMany(counts -> Flux.fromIterable(chunk).map(t -> line(t, counts)));
    }

    private static JsonObject line(Trajectory t, Map<String, Long> counts) {
        return JsonObject.builder().put(TYPE, TRAJECTORY).put(REPLAY_COUNT, counts.getOrDefault(t.trajectoryId(), 0L))
                .put(TRAJECTORY, TrajectoryWriter.toJson(t)).build();
    }
}
