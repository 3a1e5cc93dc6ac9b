package dev.engram.app.cli.command;

import dev.engram.app.cli.Access;
import dev.engram.app.cli.ExitCodes;
import dev.engram.app.cli.Failures;
import dev.engram.app.cli.Progress;
import dev.engram.app.cli.Session;
import dev.engram.app.cli.input.BatchInput;
import dev.engram.app.cli.input.InputFile;
import dev.engram.app.cli.text.ItemProblems;
import dev.engram.app.cli.text.StatsText;
import dev.engram.application.port.in.ImportCommand;
import dev.engram.application.port.in.ImportReport;
import dev.engram.application.port.in.RecordReport.ItemResult;
import dev.engram.application.port.in.SeedMemoryCommand;
import dev.engram.application.port.in.SeedMemoryReport;
import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import dev.engram.domain.error.Violation;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.JsonValue;
import dev.engram.json.JsonCodec;
import dev.engram.json.views.ErrorView;
import dev.engram.json.views.ImportReportView;
import dev.engram.json.views.SeedMemoryReportView;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

@Command(name = "import",
        description = {
            "Bring data in from a file of any size, in constant memory.",
            "--format jsonl (default): JSON Lines of trajectories (wire format or seed-style episodes), or a file written by "
                    + "export --what all (replay counts and memories restored; an agent that already has a memory keeps it). Every "
                    + "line is validated before anything is stored; one bad line stores nothing (unless --partial). Ids make it "
                    + "idempotent: an interrupted import, run again, completes without duplicates.",
            "--format seed-memory --agent A: the agent_memory.json of seed 004's memory script becomes agent A's memory — scores, "
                    + "episode log, mistakes, successes, mistake cards with their counts, task and global rules (text kept, "
                    + "polarity from [WORKS]/[AVOID]). Refused if A already has a memory.",
            "Standard input (-) is copied to a temporary file first, since the input is read twice. Creates the data dir when it "
                    + "is missing."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  engram import backup.jsonl",
            "  engram import --format seed-memory --agent sre_agent outputs/agent_memory.json",
            "  zcat runs.jsonl.gz | engram import -"})
public final class ImportCmd extends EngramSubcommand {

    enum Format {
        JSONL,
        SEED_MEMORY
    }

    static final class FormatArgument implements ITypeConverter<Format> {
        @Override
        public Format convert(String text) {
            switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "jsonl":
                    return Format.JSONL;
                case "seed-memory":
                    return Format.SEED_MEMORY;
                default:
                    throw new TypeConversionException("must be jsonl or seed-memory, got '" + text + "'");
            }
        }
    }

    @Parameters(index = "0", paramLabel = "FILE|-", description = "The input file; - for standard input.")
    String file;

    @Option(names = "--format", paramLabel = "jsonl|seed-memory", defaultValue = "jsonl", converter = FormatArgument.class,
            description = "jsonl (default) or seed-memory.")
    Format format;

    @Option(names = "--agent", paramLabel = "A", description = "jsonl: the agent of items that name none; seed-memory: the agent "
            + "that gets the memory (required).")
    String agent;

    @Option(names = "--partial", description = "jsonl: store the valid lines even when others are refused (exit 3 when any is).")
    boolean partial;

    @Override
    public Integer call() {
        Path input = input();
        return format == Format.SEED_MEMORY ? importSeedMemory(input) : importLines(input);
    }

    private Path input() {
        if (InputFile.isStandardInput(file)) {
            return InputFile.spool(InputFile.open(file, terminal().in(), terminal().interactive()));
        }
        return InputFile.requireReadable(file);
    }

    private int importLines(Path input) {
        long maxItemChars = BatchInput.maxItemChars(Session.settings(options(), terminal()).limits());
        ImportReport report;
        try (Session session = open(Access.CREATE); Progress progress = Progress.forTerminal(terminal())) {
            ImportCommand command = new ImportCommand(namespace(), () -> BatchInput.stream(read(input), maxItemChars), partial, agent,
                    ImportCommand.DEFAULT_BATCH_SIZE, new ImportCommand.Progress() {
                        @Override
                        public void pass(String name) {
                            progress.pass(name, -1);
                        }

                        @Override
                        public void done(long items) {
                            progress.done(items);
                        }
                    });
            report = session.replay().importer().importItems(command).block();
        }
        if (report.read() == 0) {
            throw new DomainException(ErrorCode.INVALID_INPUT, describe() + " holds nothing to import (it is empty)");
        }
        boolean refused = report.refused() > 0;
        if (json()) {
            if (refused && !partial) {
                new Failures(err(), true, false).printJson(ErrorView.of(ErrorCode.INVALID_TRAJECTORY, refusal(report), details(report)));
                return ExitCodes.INVALID_INPUT;
            }
            printJson(ImportReportView.toJson(report));
            return refused ? ExitCodes.INVALID_INPUT : ExitCodes.OK;
        }
        for (ItemResult item : report.problems()) {
            ItemProblems.print(item, index -> "line " + item.line(), err());
        }
        if (report.refused() > report.problems().size()) {
            err().println("… and " + (report.refused() - report.problems().size()) + " more refused lines");
        }
        if (refused && !partial) {
            err().println("engram: " + refusal(report));
            return ExitCodes.INVALID_INPUT;
        }
        out().println("read " + report.read() + ", stored " + report.stored() + ", unchanged " + report.unchanged()
                + (refused ? ", refused " + report.refused() : "") + " (namespace " + namespace() + ")");
        if (report.memoriesRestored() > 0 || !report.memoriesSkipped().isEmpty()) {
            out().println("memories restored " + report.memoriesRestored() + (report.memoriesSkipped().isEmpty() ? ""
                    : "; kept the existing memory of " + String.join(", ", report.memoriesSkipped())));
        }
        return refused ? ExitCodes.INVALID_INPUT : ExitCodes.OK;
    }

    private String refusal(ImportReport report) {
        return "nothing stored: " + report.refused() + " of " + report.read() + " lines refused (all or nothing; --partial stores the valid ones)";
    }

    private static List<ErrorView.Detail> details(ImportReport report) {
        List<ErrorView.Detail> details = new ArrayList<>();
        for (ItemResult item : report.problems()) {
            for (Violation v : item.problems()) {
                details.add(new ErrorView.Detail(item.index(), item.line(), v.field(), v.message()));
            }
        }
        return details;
    }

    private int importSeedMemory(Path input) {
        if (agent == null) {
            throw DomainException.invalidArgument("agent", "--format seed-memory needs --agent: the agent that gets the memory");
        }
        JsonValue parsed;
        try {
            parsed = JsonCodec.instance().parse(Files.readAllBytes(input));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!(parsed instanceof JsonObject seedMemory)) {
            throw new DomainException(ErrorCode.INVALID_INPUT, describe() + " is not a seed memory: it holds a JSON " + parsed.typeName()
                    + ", not an object");
        }
        SeedMemoryReport report;
        try (Session session = open(Access.CREATE)) {
            report = session.services().importSeedMemory().importSeedMemory(new SeedMemoryCommand(namespace(), agent, seedMemory)).block();
        }
        if (json()) {
            printJson(SeedMemoryReportView.toJson(report));
            return 0;
        }
        out().println("imported " + describe() + " as the memory of agent " + agent + " (namespace " + namespace() + ")");
        StatsText.memory(report.summary(), out());
        report.trimmed().forEach(note -> out().println("  note: " + note));
        return 0;
    }

    private String describe() {
        return InputFile.isStandardInput(file) ? "standard input" : file;
    }

    private static InputStream read(Path input) {
        try {
            return Files.newInputStream(input);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
