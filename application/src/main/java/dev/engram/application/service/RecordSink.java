package dev.engram.application.service;

import dev.engram.application.port.in.RecordReport.Status;
import dev.engram.domain.trajectory.Trajectory;
import java.util.List;

/**
 * Where the record path puts a validated batch (ids distinct): straight into the store ({@link DirectSink}), or into
 * the write buffer in front of it ({@link BufferedSink}).
 */
interface RecordSink {

    /** What became of a batch: one status per item, and what the long-term store newly inserted by this call. */
    record Written(List<Status> statuses, List<Trajectory> inserted) {
        public Written {
            statuses = List.copyOf(statuses);
            inserted = List.copyOf(inserted);
        }
    }

    Written write(String namespace, List<Trajectory> batch, boolean atomic);
}
