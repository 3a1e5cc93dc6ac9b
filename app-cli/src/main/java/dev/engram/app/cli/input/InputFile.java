package dev.engram.app.cli.input;

import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** An input named on the command line: a file, or {@code -} (or nothing) for standard input. */
public final class InputFile {
    private InputFile() {
    }

    public static boolean isStandardInput(String name) {
        return name == null || name.equals("-");
    }

    /** Opens the file, or standard input; a file that cannot be read is reported by name before anything starts. */
    public static InputStream open(String name, InputStream stdin, boolean stdinIsTerminal) {
        if (isStandardInput(name)) {
            if (stdinIsTerminal) {
                throw DomainException.invalidArgument("FILE", "name a file, or pipe the input in (engram record runs.jsonl, or cat runs.jsonl | engram record -)");
            }
            return stdin;
        }
        Path path = Path.of(name);
        if (Files.isDirectory(path)) {
            throw DomainException.invalidArgument("FILE", name + " is a folder, not a file");
        }
        try {
            return Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw new DomainException(ErrorCode.NOT_FOUND, "cannot read " + name + ": there is no such file");
        } catch (IOException e) {
            throw new DomainException(ErrorCode.NOT_FOUND, "cannot read " + name + ": " + e.getMessage());
        }
    }

    /** The file, once it is known to be readable (so that a bad name is reported before anything starts). */
    public static Path requireReadable(String name) {
        try {
            open(name, InputStream.nullInputStream(), false).close();
            return Path.of(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Standard input copied to a temporary file (deleted when the command ends), for inputs read more than once:
     * {@code import} validates everything before it stores anything.
     */
    public static Path spool(InputStream stdin) {
        try {
            Path copy = Files.createTempFile("engram-import-", ".jsonl");
            copy.toFile().deleteOnExit();
            Files.copy(stdin, copy, StandardCopyOption.REPLACE_EXISTING);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy standard input to a temporary file", e);
        }
    }
}
