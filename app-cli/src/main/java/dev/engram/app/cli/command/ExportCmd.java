package dev.engram.app.cli.command;

import dev.engram.app.cli.Access;
import dev.engram.app.cli.Progress;
import dev.engram.app.cli.Session;
import dev.engram.app.cli.input.InputFile;
import dev.engram.application.port.in.ExportQuery;
import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import dev.engram.domain.json.JsonObject;
import dev.engram.json.JsonCodec;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

@Command(name = "export",
        description = {
            "Write the namespace as JSON Lines, in constant memory. --what trajectories (default): one trajectory per line in "
                    + "the wire format, which record and import read back. --what all: everything needed to restore or to move to "
                    + "another backend — a header line, each trajectory with its replay count (its loss is its priority), and "
                    + "every agent's memory; engram import restores it.",
            "A FILE is written whole or not at all (to a temporary name, then moved into place)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  engram export runs.jsonl",
            "  engram export --what all backup.jsonl && engram --data-dir /new/place import backup.jsonl",
            "  engram export | jq -c 'select(.final_outcome == \"failure\")'"})
public final class ExportCmd extends EngramSubcommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE|-", description = "Where to write; - or nothing for standard output.")
    String file;

    @Option(names = "--what", paramLabel = "trajectories|all", defaultValue = "trajectories", converter = WhatArgument.class,
            description = "trajectories (default), or all: with replay counts and memories, for a backup or a move.")
    ExportQuery.What what;

    static final class WhatArgument implements ITypeConverter<ExportQuery.What> {
        @Override
        public ExportQuery.What convert(String text) {
            try {
                return ExportQuery.What.valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("must be trajectories or all, got '" + text + "'");
            }
        }
    }

    @Override
    public Integer call() throws IOException {
        boolean toFile = !InputFile.isStandardInput(file);
        long lines = 0;
        try (Session session = open(Access.EXISTING);
             Progress progress = toFile ? Progress.forTerminal(terminal()) : new Progress.None()) {
            // no total: counting first would cost a pass over the store for a bar that only a person watching sees
            progress.pass("export", -1);
            Iterable<JsonObject> items = session.services().export().export(new ExportQuery(namespace(), what)).toIterable();
            if (toFile) {
                lines = writeFile(Path.of(file), items, progress);
            } else {
                lines = write(out(), items, progress);
                out().flush();
            }
        }
        if (toFile) {
            err().println("exported " + lines + (lines == 1 ? " line" : " lines") + " to " + file);
        }
        return 0;
    }

    private static long writeFile(Path target, Iterable<JsonObject> items, Progress progress) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new DomainException(ErrorCode.NOT_FOUND, "cannot write " + target + ": its folder does not exist");
        }
        Path partial = Files.createTempFile(folder, "." + target.getFileName(), ".partial");
        try {
            long lines;
            try (BufferedWriter writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                lines = write(writer, items, progress);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return lines;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static long write(Writer out, Iterable<JsonObject> items, Progress progress) {
        long lines = 0;
        try {
            for (JsonObject item : items) {
                JsonCodec.instance().write(item, out, false);
                out.write('\n');
                progress.done(++lines);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }
}
