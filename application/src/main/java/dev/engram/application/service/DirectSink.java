package dev.engram.application.service;

import dev.engram.application.port.in.RecordReport.Status;
import dev.engram.application.port.out.TrajectoryStore;
import dev.engram.application.port.out.UpsertOutcome;
import dev.engram.domain.trajectory.Trajectory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Records straight into the store: acknowledged once the store holds the batch. */
final class DirectSink implements RecordSink {
    static final Duration WAIT = Duration.ofMinutes(10);

    private final TrajectoryStore store;

    DirectSink(TrajectoryStore store) {
        this.store = store;
    }

    @Override
    public Written write(String namespace, List<Trajectory> batch, boolean atomic) {
        if (batch.isEmpty()) {
            return new Written(List.of(), List.of());
        }
        List<UpsertOutcome> outcomes = store.upsert(namespace, batch, atomic).block(WAIT);
        List<Status> statuses = new ArrayList<>(batch.size());
        List<Trajectory> inserted = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            UpsertOutcome.Status status = outcomes.get(i).status();
            statuses.add(status(status));
            if (status == UpsertOutcome.Status.INSERTED) {
                inserted.add(batch.get(i));
            }
        }
        return new Written(statuses, inserted);
    }

    static Status status(UpsertOutcome.Status status) {
        switch (status) {
            case INSERTED:
                return Status.STORED;
            case UNCHANGED:
                return Status.UNCHANGED;
            case CONFLICT:
                return Status.CONFLICT;
            default:
                return Status.NOT_STORED;
        }
    }
}
