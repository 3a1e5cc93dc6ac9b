package dev.engram.json.input;

import dev.engram.application.port.in.InputItem;
import dev.engram.json.JsonItem;
import dev.engram.json.JsonItemReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The items of a batch input as the use cases take them, read item by item by a {@link JsonItemReader}. */
public final class InputItems {
    private InputItems() {
    }

    public static InputItem of(JsonItem item) {
        return new InputItem(item.index(), item.line(), item.value(), item.error());
    }

    /**
     * Reads every item of the input, refusing more than {@code maxItems} before reading further (the reader holds one
     * item at a time, so the items kept are the only memory the input costs).
     *
     * @param tooMany called with the limit when the input holds more items; what it throws is thrown
     */
    public static List<InputItem> readAll(InputStream input, long maxItemChars, int maxItems, java.util.function.IntFunction<RuntimeException> tooMany) {
        List<InputItem> items = new ArrayList<>();
        try (JsonItemReader reader = new JsonItemReader(input, maxItemChars)) {
            for (JsonItem item = reader.next(); item != null; item = reader.next()) {
                if (items.size() == maxItems) {
                    throw tooMany.apply(maxItems);
                }
                items.add(of(item));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return items;
    }
}
