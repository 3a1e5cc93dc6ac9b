package dev.engram.app.cli.input;

import dev.engram.domain.trajectory.Outcome;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --outcome}: success, failure or partial, in any case. */
public final class OutcomeArgument implements ITypeConverter<Outcome> {
    @Override
    public Outcome convert(String text) {
        return Outcome.parse(text).orElseThrow(() -> new TypeConversionException(
                "must be success, failure or partial, got '" + text + "'"));
    }
}
