package dev.engram.app.cli.input;

import dev.engram.domain.replay.ReplayPreset;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --preset}: fast, stable, prioritized or balanced, in any case. */
public final class PresetArgument implements ITypeConverter<ReplayPreset> {
    public static final String NAMES = Arrays.stream(ReplayPreset.values()).map(ReplayPreset::wireName)
            .collect(Collectors.joining("|"));

    @Override
    public ReplayPreset convert(String text) {
        return ReplayPreset.parse(text).orElseThrow(() -> new TypeConversionException(
                "must be one of " + NAMES.replace("|", ", ") + ", got '" + text + "'"));
    }
}
