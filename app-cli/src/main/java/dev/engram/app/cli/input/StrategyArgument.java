package dev.engram.app.cli.input;

import dev.engram.domain.replay.ReplayStrategy;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --strategy} and {@code --within}: a replay strategy by its wire name, in any case. */
public final class StrategyArgument implements ITypeConverter<ReplayStrategy> {
    public static final String NAMES = Arrays.stream(ReplayStrategy.values()).map(ReplayStrategy::wireName)
            .collect(Collectors.joining("|"));

    @Override
    public ReplayStrategy convert(String text) {
        return ReplayStrategy.parse(text).orElseThrow(() -> new TypeConversionException(
                "must be one of " + NAMES.replace("|", ", ") + ", got '" + text + "'"));
    }
}
