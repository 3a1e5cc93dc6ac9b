package dev.engram.application.port.in;

import dev.engram.domain.error.DomainException;
import java.util.Objects;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * Import a JSON Lines input of any size: trajectories (wire format or seed-style episodes), or an
 * {@code export --what all} file. The whole input is validated in a first streaming pass and nothing is stored
 * if any item is invalid (unless {@code partial}); then it is stored in batches — an interrupted import, run again,
 * completes without duplicates.
 *
 * @param source    opens the input from its start; it is opened twice (validate, then store)
 * @param progress  told the number of items done so far in the current pass (may be a no-op)
 */
public record ImportCommand(String namespace, Source source, boolean partial, String defaultAgentId, int batchSize,
                            Progress progress) {
    /** An input that can be read from the start more than once. */
    @FunctionalInterface
    public interface Source {
        Stream<InputItem> open();
    }

    /** Told each pass's progress: {@code validating} then {@code storing}. */
    public interface Progress {
        void pass(String name);

        void done(long items);

        static Progress none() {
            return new Progress() {
                @Override
                public void pass(String name) {
                }

                @Override
                public void done(long items) {
                }
            };
        }
    }

    public static final int DEFAULT_BATCH_SIZE = 500;

    public ImportCommand {
        Namespaces.check(namespace);
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(progress, "progress");
        if (batchSize < 1 || batchSize > RecordCommand.MAX_ITEMS) {
            throw DomainException.invalidArgument("batch_size", "must be between 1 and " + RecordCommand.MAX_ITEMS + ", got " + batchSize);
        }
    }

    /** Progress reporting that only counts (for callers with no display). */
    public static Progress counting(LongConsumer done) {
        return new Progress() {
            @Override
            public void pass(String name) {
            }

            @Override
            public void done(long items) {
                done.accept(items);
            }
        };
    }
}
