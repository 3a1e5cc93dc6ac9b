package dev.engram.app.cli.input;

import dev.engram.application.port.in.InputItem;
import dev.engram.application.port.in.RecordCommand;
import dev.engram.domain.error.DomainException;
import dev.engram.domain.trajectory.TrajectoryLimits;
import dev.engram.json.JsonItem;
import dev.engram.json.JsonItemReader;
import dev.engram.json.input.InputItems;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A batch read from text — one JSON object, an array of them, or JSON Lines — item by item with the lines each
 * spans, a malformed item kept as its parse error so that it is reported with the rest.
 */
public final class BatchInput {
    /** Text per byte of the domain's size limit: UTF-8 and escapes make text and bytes differ, both ways. */
    private static final int TEXT_PER_BYTE = 4;

    private final List<InputItem> items;
    private final List<String> where;

    private BatchInput(List<InputItem> items, List<String> where) {
        this.items = items;
        this.where = where;
    }

    /**
     * The longest item text read at all: anything longer is refused unread, so that one huge line cannot exhaust
     * memory; anything shorter is read and checked against the configured limits, which name the field at fault.
     */
    public static long maxItemChars(TrajectoryLimits limits) {
        return (long) limits.maxBytes() * TEXT_PER_BYTE;
    }

    /** Reads everything (a {@code record} batch); more items than one batch may hold is a usage error. */
    public static BatchInput readAll(InputStream input, long maxItemChars) {
        List<InputItem> items = new ArrayList<>();
        List<String> where = new ArrayList<>();
        try (JsonItemReader reader = new JsonItemReader(input, maxItemChars)) {
            for (JsonItem item = reader.next(); item != null; item = reader.next()) {
                if (items.size() == RecordCommand.MAX_ITEMS) {
                    throw DomainException.invalidArgument("FILE", "the input holds more than " + RecordCommand.MAX_ITEMS
                            + " items, more than one batch; use engram import FILE, which reads any size in constant memory");
                }
                items.add(toInputItem(item));
                where.add(item.where());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BatchInput(items, where);
    }

    /** The items one at a time, for inputs of any size; closing the stream closes the input. */
    public static Stream<InputItem> stream(InputStream input, long maxItemChars) {
        JsonItemReader reader = new JsonItemReader(input, maxItemChars);
        Spliterator<InputItem> items = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
            @Override
            public boolean tryAdvance(Consumer<? super InputItem> action) {
                JsonItem item = reader.next();
                if (item == null) {
                    return false;
                }
                action.accept(toInputItem(item));
                return true;
            }
        };
        return StreamSupport.stream(items, false).onClose(() -> {
            try {
                reader.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static InputItem toInputItem(JsonItem item) {
        return InputItems.of(item);
    }

    public List<InputItem> items() {
        return items;
    }

    /** {@code "line 17"} or {@code "lines 17-20"} for the item at an index. */
    public String where(int index) {
        return where.get(index);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }
}
